package io.jiangxin.engine.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jiangxin.engine.scheme.Aspect;
import io.jiangxin.engine.scheme.MarkRejection;
import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.engine.scheme.RoundWeights;
import io.jiangxin.engine.scheme.SchemeError;
import io.jiangxin.engine.sheet.HeadJudgeOverride;
import io.jiangxin.engine.sheet.RawMark;
import io.jiangxin.engine.sheet.SheetInput;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a raw-marks file (JSON or YAML) and checks it against a valid scheme: unknown entries, aspects,
 * judges and violation codes, marks out of range or off step, conflicting marks, overrides without a
 * reason, missing totals of other rounds. Every problem is reported with its location. Format: see
 * {@code docs/scoring.md}.
 */
public final class MarksFiles {

    private MarksFiles() {
    }

    public static MarksFile read(Path file, MarkingScheme scheme) throws InputFileException {
        String text = SchemeFiles.readText(file);
        JsonNode tree;
        try {
            tree = SchemeFiles.tree(text, Mappers.forFile(file));
        } catch (JsonProcessingException e) {
            throw new InputFileException(file, List.of(SchemeFiles.malformed(e).toString()));
        }
        List<SchemeError> errors = new ArrayList<>();
        MarksFile marks = new Parser(scheme, errors).parse(NodeReader.root(tree, NodeReader.Punctuation.HALF_WIDTH,
                (path, zh, en) -> errors.add(new SchemeError(path, zh, en))));
        if (!errors.isEmpty()) {
            throw new InputFileException(file, errors.stream().map(SchemeError::toString).toList());
        }
        return marks;
    }

    private static final class Parser {
        private final MarkingScheme scheme;
        private final List<SchemeError> errors;
        private final Map<String, SheetInput.Builder> builders = new LinkedHashMap<>();
        private final Map<String, Map<String, BigDecimal>> priorRounds = new HashMap<>();
        private final Map<String, Map<String, Map<String, BigDecimal>>> seen = new HashMap<>();
        private final Map<String, Map<String, Integer>> remarkRounds = new HashMap<>();
        private Set<String> panel;

        Parser(MarkingScheme scheme, List<SchemeError> errors) {
            this.scheme = scheme;
            this.errors = errors;
        }

        MarksFile parse(NodeReader root) {
            if (!root.isObject()) {
                return null;
            }
            root.allow("judges", "entries", "marks");
            JsonNode judges = root.raw("judges");
            if (judges != null && judges.isArray()) {
                panel = new HashSet<>();
                judges.forEach(j -> panel.add(j.asText()));
            } else if (judges != null && !judges.isNull()) {
                root.error(root.at("judges"), "这里应为列表", "a list is expected here");
            }
            root.list("entries", true, this::entry);
            root.list("marks", false, this::markRow);
            List<SheetInput> sheets = new ArrayList<>();
            builders.forEach((id, builder) -> {
                Map<String, Integer> rounds = remarkRounds.getOrDefault(id, Map.of());
                rounds.forEach(builder::remark);
                sheets.add(builder.build());
            });
            return new MarksFile(sheets, priorRounds);
        }

        private Object entry(NodeReader r) {
            if (!r.isObject()) {
                return null;
            }
            r.allow("entry", "team", "completionSeconds", "extraTimeSeconds", "violations", "remarkRequests",
                    "overrides", "priorRounds");
            String id = r.text("entry", true);
            if (id == null) {
                return null;
            }
            if (builders.containsKey(id)) {
                r.error(r.at("entry"), "参赛号 " + id + " 重复", "entry " + id + " is listed twice");
                return null;
            }
            SheetInput.Builder builder = SheetInput.builder(id).team(r.text("team", false));
            builders.put(id, builder);
            Duration completion = nonNegativeSeconds(r, "completionSeconds");
            builder.completionTime(completion);
            Duration extra = nonNegativeSeconds(r, "extraTimeSeconds");
            builder.extraTime(extra == null ? Duration.ZERO : extra);
            r.list("violations", false, v -> {
                if (!v.isObject()) {
                    return null;
                }
                v.allow("code", "count");
                String code = v.text("code", true);
                int count = v.integer("count", 1);
                if (code != null && scheme.violation(code).isEmpty()) {
                    v.error(v.at("code"), "违规代码 " + code + " 未在评分标准中配置", "violation code " + code + " is not in the scheme");
                } else if (count < 0) {
                    v.error(v.at("count"), "次数不能为负数", "the count cannot be negative");
                } else if (code != null) {
                    builder.violation(code, count);
                }
                return null;
            });
            r.list("remarkRequests", false, q -> {
                if (!q.isObject()) {
                    return null;
                }
                q.allow("aspect", "round");
                String aspect = knownAspect(q, "aspect");
                Integer round = q.integer("round", true);
                if (round != null && round < 1) {
                    q.error(q.at("round"), "重评轮次从 1 开始", "re-mark rounds start at 1");
                } else if (aspect != null && round != null) {
                    remarkRounds.computeIfAbsent(id, k -> new TreeMap<>()).merge(aspect, round, Math::max);
                }
                return null;
            });
            r.list("overrides", false, o -> {
                if (!o.isObject()) {
                    return null;
                }
                o.allow("aspect", "value", "reason");
                String aspectId = knownAspect(o, "aspect");
                BigDecimal value = o.decimal("value", true);
                String reason = o.text("reason", false);
                if (reason == null || reason.isBlank()) {
                    o.error(o.at("reason"), "裁判长改判必须记录理由", "a head-judge override needs a reason");
                }
                if (aspectId != null && value != null) {
                    Optional<MarkRejection> rejection = scheme.aspect(aspectId).orElseThrow().checkValue(value);
                    rejection.ifPresent(x -> o.error(o.at("value"), x.messageZh(), x.messageEn()));
                    builder.override(new HeadJudgeOverride(aspectId, value, reason));
                }
                return null;
            });
            readPriorRounds(r, id);
            return null;
        }

        private Duration nonNegativeSeconds(NodeReader r, String field) {
            BigDecimal seconds = r.decimal(field, false);
            if (seconds != null && seconds.signum() < 0) {
                r.error(r.at(field), "时间不能为负数", "a time cannot be negative");
                return null;
            }
            return SchemeReader.seconds(seconds);
        }

        private void readPriorRounds(NodeReader r, String entryId) {
            RoundWeights rounds = scheme.rounds();
            NodeReader prior = r.object("priorRounds", false);
            if (rounds == null) {
                if (prior != null) {
                    r.error(r.at("priorRounds"), "评分标准未配置多轮合成", "the scheme does not combine rounds");
                }
                return;
            }
            Map<String, BigDecimal> totals = new TreeMap<>();
            if (prior != null) {
                Iterator<String> names = prior.node().fieldNames();
                while (names.hasNext()) {
                    String round = names.next();
                    boolean known = rounds.weights().stream().anyMatch(w -> w.roundId().equals(round));
                    if (!known || round.equals(rounds.currentRound())) {
                        prior.error(prior.at(round), "不是需要提供成绩的其他轮次:" + round,
                                "not another round of this scheme: " + round);
                        continue;
                    }
                    BigDecimal total = prior.decimalOf(prior.raw(round), prior.at(round));
                    if (total != null) {
                        totals.put(round, total);
                    }
                }
            }
            for (RoundWeights.RoundWeight weight : rounds.weights()) {
                if (!weight.roundId().equals(rounds.currentRound()) && !totals.containsKey(weight.roundId())) {
                    r.error(r.at("priorRounds"), "缺少 " + weight.roundId() + " 轮成绩",
                            "the total of round " + weight.roundId() + " is missing");
                }
            }
            priorRounds.put(entryId, totals);
        }

        private String knownAspect(NodeReader r, String field) {
            String aspect = r.text(field, true);
            if (aspect != null && scheme.aspect(aspect).isEmpty()) {
                r.error(r.at(field), "评分项 " + aspect + " 不在评分标准中", "aspect " + aspect + " is not in the scheme");
                return null;
            }
            return aspect;
        }

        private Object markRow(NodeReader r) {
            if (!r.isObject()) {
                return null;
            }
            r.allow("entry", "aspect", "round", "marks");
            String entryId = r.text("entry", true);
            SheetInput.Builder builder = null;
            if (entryId != null) {
                builder = builders.get(entryId);
                if (builder == null) {
                    r.error(r.at("entry"), "参赛号 " + entryId + " 未在 entries 中列出", "entry " + entryId + " is not listed under entries");
                }
            }
            String aspectId = knownAspect(r, "aspect");
            int round = r.integer("round", 0);
            if (round < 0) {
                r.error(r.at("round"), "轮次不能为负数", "the round cannot be negative");
            }
            NodeReader marks = r.object("marks", true);
            if (marks == null || builder == null || aspectId == null || round < 0) {
                return null;
            }
            Aspect aspect = scheme.aspect(aspectId).orElseThrow();
            Map<String, BigDecimal> already = seen.computeIfAbsent(entryId, k -> new HashMap<>())
                    .computeIfAbsent(aspectId + "#" + round, k -> new HashMap<>());
            Iterator<String> judges = marks.node().fieldNames();
            while (judges.hasNext()) {
                String judge = judges.next();
                String location = marks.at(judge);
                if (panel != null && !panel.contains(judge)) {
                    marks.error(location, "裁判 " + judge + " 不在 judges 名单中", "judge " + judge + " is not listed under judges");
                    continue;
                }
                BigDecimal value = marks.decimalOf(marks.raw(judge), location);
                if (value == null) {
                    continue;
                }
                Optional<MarkRejection> rejection = aspect.checkMark(value);
                if (rejection.isPresent()) {
                    marks.error(location, rejection.get().messageZh(), rejection.get().messageEn());
                    continue;
                }
                BigDecimal previous = already.putIfAbsent(judge, value);
                if (previous != null && previous.compareTo(value) != 0) {
                    marks.error(location, "同一裁判同一轮对该项已有不同分值 " + io.jiangxin.engine.numeric.Decimals.plain(previous),
                            "this judge already gave a different mark " + io.jiangxin.engine.numeric.Decimals.plain(previous) + " in this round");
                    continue;
                }
                builder.mark(new RawMark(aspectId, judge, value, round));
            }
            if (round > 0) {
                remarkRounds.computeIfAbsent(entryId, k -> new TreeMap<>()).merge(aspectId, round, Math::max);
            }
            return null;
        }
    }
}
