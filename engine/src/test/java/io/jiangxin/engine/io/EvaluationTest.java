package io.jiangxin.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static io.jiangxin.engine.io.ExampleFilesTest.READER;
import static io.jiangxin.engine.io.ExampleFilesTest.aspect;
import static io.jiangxin.engine.io.ExampleFilesTest.entry;
import static io.jiangxin.engine.io.ExampleFilesTest.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvaluationTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static List<String> problems(Path scheme, Path marks) {
        try {
            Evaluation.evaluate(scheme, marks);
        } catch (InputFileException e) {
            return e.problems();
        }
        throw new AssertionError("expected an InputFileException");
    }

    @Test
    void theWeldingExampleRanksAwardsAndFlags() throws Exception {
        JsonNode report = READER.readTree(Evaluation.evaluate(example("welding-scheme.yaml"), example("welding-marks.yaml")));
        List<String> order = new ArrayList<>();
        report.get("entries").forEach(e -> order.add(e.get("entry").asText() + ":" + e.get("rank").asText()));
        assertThat(order).containsExactly("A01:1", "A04:1", "A03:3", "A02:4", "A07:5", "A06:6", "A05:null");
        assertThat(entry(report, "A01").get("award").get("code").asText()).isEqualTo("GOLD");
        assertThat(entry(report, "A04").get("award").get("code").asText()).isEqualTo("GOLD");
        assertThat(entry(report, "A03").get("award").get("code").asText()).as("two golds: no silver").isEqualTo("BRONZE");
        assertThat(entry(report, "A03").get("total").asText()).isEqualTo("88.07");
        assertThat(entry(report, "A02").get("award").get("code").asText()).isEqualTo("PASS");
        assertThat(entry(report, "A02").get("total").asText()).isEqualTo("80.20");
        assertThat(aspect(entry(report, "A02"), "S1").get("value").asText()).as("−5 safety, −1 time").isEqualTo("14.00");
        assertThat(entry(report, "A05").get("status").asText()).isEqualTo("DISQUALIFIED");
        assertThat(entry(report, "A05").get("award").isNull()).isTrue();
        JsonNode a06 = entry(report, "A06");
        assertThat(a06.get("status").asText()).isEqualTo("ZEROED");
        assertThat(a06.get("lockable").asBoolean()).isFalse();
        assertThat(aspect(a06, "W1").get("status").asText()).isEqualTo("INCOMPLETE");
        assertThat(aspect(a06, "W1").get("flags").get(0).asText()).isEqualTo("DISAGREEMENT");
        JsonNode a07 = entry(report, "A07");
        assertThat(aspect(a07, "W1").get("status").asText()).isEqualTo("OVERRIDDEN");
        assertThat(aspect(a07, "W2").get("round").asInt()).isEqualTo(1);
        assertThat(aspect(a07, "W2").get("value").asText()).isEqualTo("24.00");
        assertThat(a07.get("time").get("netSeconds").asInt()).isEqualTo(5050);
        assertThat(a07.get("total").asText()).isEqualTo("76.80");
        List<String> advancing = new ArrayList<>();
        report.get("entries").forEach(e -> {
            if (e.get("advances").asBoolean()) {
                advancing.add(e.get("entry").asText());
            }
        });
        assertThat(advancing).containsExactly("A01", "A04", "A03");
        assertThat(report.get("teams").get(0).get("team").asText()).isEqualTo("T2");
        assertThat(report.get("teams").get(0).get("total").asText()).isEqualTo("176.37");
        assertThat(report.get("judgeConsistency")).hasSize(5);
    }

    @Test
    void theOutputIsDeterministicWhateverTheOrderOfTheMarksFile() throws Exception {
        String first = Evaluation.evaluate(example("welding-scheme.yaml"), example("welding-marks.yaml"));
        assertThat(Evaluation.evaluate(example("welding-scheme.yaml"), example("welding-marks.yaml"))).isEqualTo(first);
        // Shuffle the mark rows and the entries and write the file as JSON.
        JsonNode marks = io.jiangxin.engine.io.Mappers.YAML.readTree(Files.readString(example("welding-marks.yaml")));
        Random random = new Random(3L);
        for (String list : List.of("marks", "entries")) {
            List<JsonNode> rows = new ArrayList<>();
            marks.get(list).forEach(rows::add);
            Collections.shuffle(rows, random);
            com.fasterxml.jackson.databind.node.ArrayNode shuffled = ((com.fasterxml.jackson.databind.node.ObjectNode) marks).putArray(list);
            rows.forEach(shuffled::add);
        }
        Path shuffledFile = write("shuffled.json", Mappers.prettyJson(marks));
        assertThat(Evaluation.evaluate(example("welding-scheme.yaml"), shuffledFile)).isEqualTo(first);
    }

    @Test
    void anUnreadableOrWronglyNamedFile() throws Exception {
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> Evaluation.evaluate(missing, example("elevator-marks.yaml")))
                .isInstanceOf(InputFileException.class).hasMessageContaining("missing.json").hasMessageContaining("cannot read");
        Path text = write("scheme.txt", "{}");
        assertThatThrownBy(() -> Evaluation.evaluate(text, example("elevator-marks.yaml")))
                .isInstanceOf(InputFileException.class).hasMessageContaining(".yaml");
    }

    @Test
    void malformedYamlNamesTheFileAndLine() throws Exception {
        Path marks = write("marks.yaml", "entries:\n  - entry: A01\n    marks: [unclosed\n");
        assertThatThrownBy(() -> Evaluation.evaluate(example("elevator-scheme.yaml"), marks))
                .isInstanceOf(InputFileException.class).hasMessageContaining("marks.yaml").hasMessageContaining("line");
    }

    @Test
    void anInvalidSchemeListsEveryPathError() throws Exception {
        String scheme = Files.readString(example("elevator-scheme.yaml")).replace("weight: 70", "weight: 60")
                .replace("step: 0.5", "step: 0.3");
        Path file = write("bad-scheme.yaml", scheme);
        InputFileException e = org.junit.jupiter.api.Assertions.assertThrows(InputFileException.class,
                () -> Evaluation.evaluate(file, example("elevator-marks.yaml")));
        assertThat(e.file()).isEqualTo(file);
        assertThat(e.problems()).containsExactly(
                "parts[0].modules[0].aspects[0].step: 步长必须整除满分 / step must divide the maximum",
                "parts: 各部分权重之和为 90,必须为 100 / the parts' weights add up to 90, not 100");
        assertThat(e.getMessage()).contains("bad-scheme.yaml").contains("2 个问题");
    }

    @Test
    void marksForUnknownThingsAndOutOfRangeMarksAreAllReported() throws Exception {
        Path marks = write("marks.yaml", """
                judges: [J1, J2, J3]
                entries:
                  - entry: A01
                    violations: [{code: NOPE}]
                    overrides: [{aspect: P1, value: 50}]
                  - entry: A01
                marks:
                  - {entry: A01, aspect: T1, marks: {J1: 82.25}}
                  - {entry: A01, aspect: P1, marks: {J1: 101, J9: 80, J2: 80}}
                  - {entry: A02, aspect: P1, marks: {J1: 80}}
                  - {entry: A01, aspect: X9, marks: {J1: 80}}
                  - {entry: A01, aspect: P1, marks: {J2: 81}}
                """);
        assertThat(problems(example("elevator-scheme.yaml"), marks)).containsExactly(
                "entries[0].violations[0].code: 违规代码 NOPE 未在评分标准中配置 / violation code NOPE is not in the scheme",
                "entries[0].overrides[0].reason: 裁判长改判必须记录理由 / a head-judge override needs a reason",
                "entries[1].entry: 参赛号 A01 重复 / entry A01 is listed twice",
                "marks[0].marks.J1: 分值 82.25 不是步长 0.5 的整数倍 / mark 82.25 is not a multiple of the step 0.5",
                "marks[1].marks.J1: 分值 101 超出范围 0–100 / mark 101 is outside 0–100",
                "marks[1].marks.J9: 裁判 J9 不在 judges 名单中 / judge J9 is not listed under judges",
                "marks[2].entry: 参赛号 A02 未在 entries 中列出 / entry A02 is not listed under entries",
                "marks[3].aspect: 评分项 X9 不在评分标准中 / aspect X9 is not in the scheme",
                "marks[4].marks.J2: 同一裁判同一轮对该项已有不同分值 80 / this judge already gave a different mark 80 in this round");
    }

    @Test
    void normalisedScoresAndCombinedRoundsDecideTheRanking() throws Exception {
        Path scheme = write("innovation.yaml", """
                id: innovation-2026
                nameZh: 职工创新成果评审
                nameEn: Innovation results review
                rounding: {scale: 2, mode: HALF_UP}
                defaults: {aggregation: {rule: MEAN}, quorum: 1}
                parts:
                  - id: review
                    nameZh: 书面评审
                    nameEn: Document review
                    maximum: 100
                    weight: 100
                    modules:
                      - id: criteria
                        nameZh: 评审要素
                        nameEn: Criteria
                        aspects:
                          - {id: C1, descriptionZh: 创新性, descriptionEn: Novelty, type: JUDGEMENT, maximum: 100, step: 1}
                normalisation: {method: Z_SCORE, mean: 100, spread: 20}
                rounds:
                  current: review
                  weights: [{round: preliminary, weight: 30}, {round: review, weight: 70}]
                """);
        Path marks = write("marks.json", """
                {"entries": [
                   {"entry": "E1", "priorRounds": {"preliminary": 100}},
                   {"entry": "E2", "priorRounds": {"preliminary": 100}},
                   {"entry": "E3", "priorRounds": {"preliminary": 100}},
                   {"entry": "E4", "priorRounds": {"preliminary": 100}}],
                 "marks": [
                   {"entry": "E1", "aspect": "C1", "marks": {"HARSH": 50}},
                   {"entry": "E2", "aspect": "C1", "marks": {"HARSH": 60}},
                   {"entry": "E3", "aspect": "C1", "marks": {"KIND": 80}},
                   {"entry": "E4", "aspect": "C1", "marks": {"KIND": 95}}]}
                """);
        JsonNode report = READER.readTree(Evaluation.evaluate(scheme, marks));
        // Raw: E4 95 > E3 80 > E2 60 > E1 50. Normalised: the best of each judge gets 120, the other 80.
        assertThat(entry(report, "E2").get("normalisedScore").asText()).isEqualTo("120.00");
        assertThat(entry(report, "E3").get("normalisedScore").asText()).isEqualTo("80.00");
        assertThat(entry(report, "E2").get("rankingScore").asText()).isEqualTo("114.00");
        assertThat(entry(report, "E2").get("rank").asInt()).isEqualTo(1);
        assertThat(entry(report, "E4").get("rank").asInt()).isEqualTo(1);
        assertThat(entry(report, "E3").get("rank").asInt()).isEqualTo(3);
        assertThat(entry(report, "E2").get("roundTotals").get("preliminary").asInt()).isEqualTo(100);
        assertThat(report.get("normalisation").get("judges").get(0).get("judge").asText()).isEqualTo("HARSH");

        Path missingPrior = write("marks2.json", """
                {"entries": [{"entry": "E1"}], "marks": []}
                """);
        assertThat(problems(scheme, missingPrior)).containsExactly(
                "entries[0].priorRounds: 缺少 preliminary 轮成绩 / the total of round preliminary is missing");
    }

    @Test
    void aHugeExponentInAMarksFileIsRefusedAtOnceWithAShortMessage() throws Exception {
        for (String value : new String[] {"1e999999999", "1e100000"}) {
            Path marks = write("huge.json", """
                    {"judges": ["J1"], "entries": [{"entry": "B07"}],
                     "marks": [{"entry": "B07", "aspect": "R1", "marks": {"J1": %s}}]}
                    """.formatted(value));
            long started = System.nanoTime();
            List<String> problems = problems(example("quorum-scheme.json"), marks);
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(2));
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p).startsWith("marks[0].marks.J1: ").contains("too large");
                assertThat(p).hasSizeLessThan(200);
            });
        }
    }

    @Test
    void fullwidthAndArabicIndicDigitsAndSpacesInAMarksFileAreRefused() throws Exception {
        Path marks = write("digits.yaml", """
                judges: [J1, J2, J3, J4]
                entries: [{entry: B07}]
                marks:
                  - {entry: B07, aspect: R1, marks: {J1: "５", J2: "٥", J3: " 5", J4: "5 "}}
                """);
        assertThat(problems(example("quorum-scheme.json"), marks)).hasSize(4).allSatisfy(p ->
                assertThat(p).contains("only ASCII digits"));
    }

    @Test
    void aJudgeListedTwiceInAMarksFileIsRefusedNotLastWins() throws Exception {
        Path json = write("twice.json", """
                {"judges": ["J1", "J2"], "entries": [{"entry": "B07"}],
                 "marks": [{"entry": "B07", "aspect": "R1", "marks": {"J1": 8.5, "J1": 9.0}}]}
                """);
        assertThat(problems(example("quorum-scheme.json"), json)).singleElement()
                .satisfies(p -> assertThat(p).contains("Duplicate field 'J1'"));
        Path yaml = write("twice.yaml", """
                judges: [J1, J2]
                entries: [{entry: B07}]
                marks:
                  - entry: B07
                    aspect: R1
                    marks: {J1: 8.5, J1: 9.0}
                """);
        assertThat(problems(example("quorum-scheme.json"), yaml)).singleElement()
                .satisfies(p -> assertThat(p).contains("Duplicate field 'J1'"));
    }

    @Test
    void aKeyGivenTwiceInASchemeFileIsRefused() throws Exception {
        String scheme = Files.readString(example("quorum-scheme.json"));
        Path twice = write("scheme-twice.json", scheme.replaceFirst("\\{", "{\"id\": \"other\", "));
        assertThatThrownBy(() -> SchemeFiles.read(twice)).hasMessageContaining("Duplicate field 'id'");
    }
}
