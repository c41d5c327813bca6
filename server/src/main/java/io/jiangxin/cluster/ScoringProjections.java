package io.jiangxin.cluster;

import io.jiangxin.engine.consistency.JudgeConsistencyReport;
import io.jiangxin.engine.normalisation.JudgeStatistics;
import io.jiangxin.engine.normalisation.NormalisationResult;
import io.jiangxin.engine.ranking.RankKeys;
import io.jiangxin.engine.scheme.ConsistencyConfig;
import io.jiangxin.engine.sheet.AppliedViolation;
import io.jiangxin.engine.sheet.AspectResult;
import io.jiangxin.engine.sheet.SheetResult;
import io.jiangxin.engine.sheet.TimeResult;
import io.jiangxin.judging.EventJudging;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;

/** Read models for checking the server's scoring from outside: the raw marks file and the judges' figures. */
public final class ScoringProjections {

    private ScoringProjections() {
    }

    /**
     * The event's raw marks in the marks-file format of {@code evaluate} (docs/scoring.md), entry and judge ids as
     * the server keeps them: with the scheme from {@code GET …/scheme}, {@code evaluate} recomputes every figure.
     */
    public record MarksFile() implements LiveView.Projection<String> {
        @Override
        public String apply(EventJudging state) {
            JsonArray entries = new JsonArray();
            JsonArray marks = new JsonArray();
            // The earlier rounds' totals exactly as the fold combines them (a scheme with `rounds` needs them all).
            var priorRounds = state.priorRounds(state.sheets().keySet());
            state.sheets().forEach((entryId, sheet) -> {
                SheetResult result = state.result(entryId);
                JsonObject entry = new JsonObject().put("entry", entryId);
                if (result.teamId() != null) {
                    entry.put("team", result.teamId());
                }
                TimeResult time = result.time();
                if (time != null && time.completionTime() != null) {
                    entry.put("completionSeconds", RankKeys.seconds(time.completionTime()).toPlainString())
                            .put("extraTimeSeconds", RankKeys.seconds(time.extraTime()).toPlainString());
                }
                JsonArray violations = new JsonArray();
                for (AppliedViolation v : result.violations()) {
                    violations.add(new JsonObject().put("code", v.code()).put("count", v.count()));
                }
                JsonArray remarks = new JsonArray();
                JsonArray overrides = new JsonArray();
                for (AspectResult aspect : result.aspects()) {
                    int round = sheet.roundOf(aspect.aspectId());
                    if (round > 0) {
                        remarks.add(new JsonObject().put("aspect", aspect.aspectId()).put("round", round));
                    }
                    JsonObject byJudge = new JsonObject();
                    sheet.marksOf(aspect.aspectId()).forEach((judge, value) -> byJudge.put(judge, value.toPlainString()));
                    if (!byJudge.isEmpty()) {
                        marks.add(new JsonObject().put("entry", entryId).put("aspect", aspect.aspectId())
                                .put("round", round).put("marks", byJudge));
                    }
                }
                sheet.overrides().forEach((aspect, o) -> overrides.add(new JsonObject().put("aspect", aspect)
                        .put("value", o.value().toPlainString()).put("reason", o.reason())));
                entry.put("violations", violations).put("remarkRequests", remarks).put("overrides", overrides);
                if (state.scheme().rounds() != null) {
                    JsonObject prior = new JsonObject();
                    priorRounds.get(entryId).forEach((round, total) -> prior.put(round, total.toPlainString()));
                    entry.put("priorRounds", prior);
                }
                entries.add(entry);
            });
            return new JsonObject().put("entries", entries).put("marks", marks).encode();
        }
    }

    /**
     * Per judge: deviation from the panel median (and the bias flag against the scheme's threshold) and, when the
     * scheme normalises, the judge's mean and spread that normalisation divides out.
     */
    public record JudgeFigures() implements LiveView.Projection<String> {
        @Override
        public String apply(EventJudging state) {
            NormalisationResult normalisation = state.scored().normalisation();
            ConsistencyConfig config = state.scheme().consistency();
            JsonObject judges = new JsonObject();
            for (JudgeConsistencyReport report : state.scored().judges()) {
                judges.put(report.judgeId(), new JsonObject().put("aspectCount", report.aspectCount())
                        .put("meanSignedDeviationPercent", plain(report.meanSignedDeviation()))
                        .put("meanAbsoluteDeviationPercent", plain(report.meanAbsoluteDeviation()))
                        .put("biased", config == null ? null : report.biased()));
            }
            if (normalisation != null) {
                for (JudgeStatistics s : normalisation.judges().values()) {
                    JsonObject judge = judges.getJsonObject(s.judgeId());
                    if (judge == null) {
                        judge = new JsonObject().put("aspectCount", 0);
                        judges.put(s.judgeId(), judge);
                    }
                    judge.put("normalisation", new JsonObject().put("entries", s.count()).put("mean", plain(s.mean()))
                            .put("standardDeviation", plain(s.standardDeviation())).put("degenerate", s.degenerate()));
                }
            }
            JsonObject json = new JsonObject().put("version", state.version())
                    .put("normalised", normalisation != null).put("judges", judges);
            if (config != null) {
                json.put("biasThresholdPercent", plain(config.biasThresholdPercent()))
                        .put("minimumAspects", config.minimumAspects());
            }
            if (normalisation != null) {
                json.put("normalisation", new JsonObject()
                        .put("mean", plain(state.scheme().normalisation().mean()))
                        .put("spread", plain(state.scheme().normalisation().spread())));
            }
            return json.encode();
        }
    }

    /** Per entry, how many of the markable aspects each judge has marked: {expected, entries: {id: {judge: n}}}. */
    public record MarkCounts() implements LiveView.Projection<String> {
        @Override
        public String apply(EventJudging state) {
            var markable = Projections.markable(state);
            JsonObject entries = new JsonObject();
            state.sheets().forEach((entryId, sheet) -> {
                JsonObject byJudge = new JsonObject();
                for (var aspect : markable) {
                    sheet.marksOf(aspect.id()).keySet().forEach(judge ->
                            byJudge.put(judge, byJudge.getInteger(judge, 0) + 1));
                }
                entries.put(entryId, byJudge);
            });
            return new JsonObject().put("version", state.version()).put("expected", markable.size())
                    .put("entries", entries).encode();
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
