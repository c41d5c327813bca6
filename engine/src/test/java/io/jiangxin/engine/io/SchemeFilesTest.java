package io.jiangxin.engine.io;

import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.engine.scheme.SchemeError;
import io.jiangxin.engine.scheme.SchemeValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.jiangxin.engine.io.ExampleFilesTest.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemeFilesTest {

    @TempDir
    Path dir;

    @Test
    void theWeldingExampleReadsValidatesAndRoundTripsThroughJsonAndYaml() throws Exception {
        MarkingScheme scheme = SchemeFiles.read(example("welding-scheme.yaml"));
        assertThat(SchemeValidator.validate(scheme)).isEmpty();
        assertThat(scheme.aspect("W2")).hasValueSatisfying(a -> assertThat(a.scaleMaximum()).isEqualByComparingTo("10"));
        assertThat(scheme.ranking().tieBreaks()).hasSize(3);

        MarkingScheme fromJson = SchemeFiles.read(SchemeFiles.write(scheme));
        assertThat(fromJson).isEqualTo(scheme);
        assertThat(SchemeFiles.readYaml(SchemeFiles.writeYaml(scheme))).isEqualTo(scheme);

        Path json = dir.resolve("copy.json");
        Path yaml = dir.resolve("copy.yml");
        SchemeFiles.write(scheme, json);
        SchemeFiles.write(scheme, yaml);
        assertThat(Files.readString(json)).startsWith("{");
        assertThat(Files.readString(yaml)).startsWith("id:");
        assertThat(SchemeFiles.read(json)).isEqualTo(scheme);
        assertThat(SchemeFiles.read(yaml)).isEqualTo(scheme);
        assertThat(SchemeFiles.write(fromJson)).isEqualTo(SchemeFiles.write(scheme));
    }

    @Test
    void theJsonExampleRoundTripsToo() throws Exception {
        MarkingScheme scheme = SchemeFiles.read(example("quorum-scheme.json"));
        assertThat(SchemeFiles.read(SchemeFiles.write(scheme))).isEqualTo(scheme);
    }

    @Test
    void structuralErrorsCarryTheirPaths() {
        String json = """
                {"id": "x", "nameZh": "甲", "nameEn": "x", "rounding": {"scale": "two", "mode": "HALF_SIDEWAYS"},
                 "parts": [{"id": "p", "nameZh": "部", "nameEn": "p", "maximum": 10, "weight": 100,
                   "modules": [{"id": "m", "nameZh": "模", "nameEn": "m",
                     "aspects": [{"id": "a", "descriptionZh": "甲", "descriptionEn": "a", "type": "JUDGEMENT",
                                  "maximun": 10, "step": 1, "aggregation": {"rule": "TRIMMED"}}]}]}]}
                """;
        assertThatThrownBy(() -> SchemeFiles.read(json)).isInstanceOf(SchemeFormatException.class)
                .satisfies(e -> assertThat(((SchemeFormatException) e).errors()).extracting(SchemeError::path).containsExactly(
                        "rounding.scale", "rounding.mode",
                        "parts[0].modules[0].aspects[0].maximun",
                        "parts[0].modules[0].aspects[0].maximum",
                        "parts[0].modules[0].aspects[0].aggregation.rule"));
    }

    @Test
    void malformedTextNamesTheLine() {
        assertThatThrownBy(() -> SchemeFiles.read("{\n  \"id\": \"x\",\n  oops\n}"))
                .isInstanceOf(SchemeFormatException.class)
                .satisfies(e -> assertThat(((SchemeFormatException) e).errors().get(0).path()).startsWith("line 3"));
    }

    @Test
    void tieStandsMayOnlyEndTheChain() throws Exception {
        String yaml = java.nio.file.Files.readString(example("welding-scheme.yaml"))
                .replace("    - by: COMPLETION_TIME\n", "    - by: TIE_STANDS\n    - by: COMPLETION_TIME\n");
        assertThatThrownBy(() -> SchemeFiles.readYaml(yaml)).isInstanceOf(SchemeFormatException.class)
                .satisfies(e -> assertThat(((SchemeFormatException) e).errors()).extracting(SchemeError::path)
                        .containsExactly("ranking.tieBreaks[0].by"));
    }
}
