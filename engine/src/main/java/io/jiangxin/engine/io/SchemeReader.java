package io.jiangxin.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.jiangxin.engine.numeric.Rounding;
import io.jiangxin.engine.scheme.AdvancementRule;
import io.jiangxin.engine.scheme.AggregationRule;
import io.jiangxin.engine.scheme.Aspect;
import io.jiangxin.engine.scheme.AspectType;
import io.jiangxin.engine.scheme.AwardBand;
import io.jiangxin.engine.scheme.AwardCriterion;
import io.jiangxin.engine.scheme.ConsistencyConfig;
import io.jiangxin.engine.scheme.MarkScale;
import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.engine.scheme.MeasurementKind;
import io.jiangxin.engine.scheme.NormalisationConfig;
import io.jiangxin.engine.scheme.Order;
import io.jiangxin.engine.scheme.PanelDefaults;
import io.jiangxin.engine.scheme.Part;
import io.jiangxin.engine.scheme.RankingConfig;
import io.jiangxin.engine.scheme.RoundWeights;
import io.jiangxin.engine.scheme.SchemeError;
import io.jiangxin.engine.scheme.SchemeModule;
import io.jiangxin.engine.scheme.SpreadLimit;
import io.jiangxin.engine.scheme.TeamRankingConfig;
import io.jiangxin.engine.scheme.TeamTieBreak;
import io.jiangxin.engine.scheme.TieBreak;
import io.jiangxin.engine.scheme.TimeRule;
import io.jiangxin.engine.scheme.ToleranceBand;
import io.jiangxin.engine.scheme.ViolationEffect;
import io.jiangxin.engine.scheme.ViolationRule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Maps a scheme's JSON tree to a {@link MarkingScheme}, reporting structural errors with their paths. */
final class SchemeReader {

    private final List<SchemeError> errors = new ArrayList<>();

    static MarkingScheme read(JsonNode tree) throws SchemeFormatException {
        SchemeReader reader = new SchemeReader();
        MarkingScheme scheme = reader.scheme(NodeReader.root(tree, NodeReader.Punctuation.HALF_WIDTH,
                (path, zh, en) -> reader.errors.add(new SchemeError(path, zh, en))));
        if (!reader.errors.isEmpty() || scheme == null) {
            throw new SchemeFormatException(reader.errors);
        }
        return scheme;
    }

    private MarkingScheme scheme(NodeReader r) {
        if (!r.isObject()) {
            return null;
        }
        r.allow(SchemeFiles.SETTINGS.toArray(String[]::new));
        MarkingScheme.Builder b = MarkingScheme.builder(r.text("id", true))
                .names(r.text("nameZh", true), r.text("nameEn", true))
                .passMark(r.decimal("passMark", false));
        Rounding rounding = rounding(r.object("rounding", true));
        if (rounding != null) {
            b.rounding(rounding);
        }
        PanelDefaults defaults = defaults(r.object("defaults", false));
        b.panel(defaults);
        r.list("parts", true, this::part).forEach(b::part);
        r.list("violations", false, this::violation).forEach(b::violation);
        b.time(time(r.object("time", false)));
        NodeReader ranking = r.object("ranking", false);
        if (ranking != null) {
            ranking.allow("tieBreaks", "noTiesWithinPlaces", "team");
            b.ranking(new RankingConfig(tieBreaks(ranking), ranking.integer("noTiesWithinPlaces", 0)));
            b.team(team(ranking.object("team", false)));
        }
        NodeReader advancement = r.object("advancement", false);
        if (advancement != null) {
            advancement.allow("topN", "requirePass", "minScore");
            Integer topN = advancement.integer("topN", false);
            Boolean requirePass = advancement.bool("requirePass");
            b.advancement(new AdvancementRule(topN, Boolean.TRUE.equals(requirePass),
                    advancement.decimal("minScore", false)));
        }
        r.list("awards", false, this::award).forEach(b::award);
        NodeReader normalisation = r.object("normalisation", false);
        if (normalisation != null) {
            normalisation.allow("method", "mean", "spread");
            String method = normalisation.text("method", false);
            if (method != null && !method.equals("Z_SCORE")) {
                normalisation.error(normalisation.at("method"), "仅支持 Z_SCORE", "only Z_SCORE is supported");
            }
            b.normalisation(new NormalisationConfig(normalisation.decimal("mean", true), normalisation.decimal("spread", true)));
        }
        NodeReader consistency = r.object("consistency", false);
        if (consistency != null) {
            consistency.allow("biasThresholdPercent", "minimumAspects");
            b.consistency(new ConsistencyConfig(consistency.decimal("biasThresholdPercent", true),
                    consistency.integer("minimumAspects", 1)));
        }
        NodeReader rounds = r.object("rounds", false);
        if (rounds != null) {
            rounds.allow("current", "weights");
            b.rounds(new RoundWeights(rounds.text("current", true), rounds.list("weights", true, w -> {
                if (!w.isObject()) {
                    return null;
                }
                w.allow("round", "weight");
                return new RoundWeights.RoundWeight(w.text("round", true), w.decimal("weight", true));
            })));
        }
        return b.build();
    }

    private Rounding rounding(NodeReader r) {
        if (r == null) {
            return null;
        }
        r.allow("scale", "mode");
        Integer scale = r.integer("scale", true);
        RoundingMode mode = r.enumValue("mode", RoundingMode.class, true);
        return scale == null || mode == null ? null : Rounding.of(scale, mode);
    }

    private PanelDefaults defaults(NodeReader r) {
        if (r == null) {
            return new PanelDefaults(new AggregationRule.Mean(), 1, null);
        }
        r.allow("aggregation", "quorum", "disagreement");
        AggregationRule rule = r.has("aggregation") ? aggregation(r.object("aggregation", true)) : new AggregationRule.Mean();
        return new PanelDefaults(rule, r.integer("quorum", 1), spreadLimit(r.object("disagreement", false)));
    }

    private AggregationRule aggregation(NodeReader r) {
        if (r == null) {
            return null;
        }
        String rule = r.text("rule", true);
        if (rule == null) {
            return null;
        }
        switch (rule) {
            case "MEAN", "MEDIAN", "SUM", "CLOSEST_PAIR" -> {
                r.allow("rule");
                return switch (rule) {
                    case "MEAN" -> new AggregationRule.Mean();
                    case "MEDIAN" -> new AggregationRule.Median();
                    case "SUM" -> new AggregationRule.Sum();
                    default -> new AggregationRule.ClosestPair();
                };
            }
            case "TRIMMED_MEAN" -> {
                r.allow("rule", "trim");
                return new AggregationRule.TrimmedMean(r.integer("trim", 1));
            }
            case "TOLERANCE" -> {
                r.allow("rule", "trim", "bands", "fallback");
                List<ToleranceBand> bands = r.list("bands", true, band -> {
                    if (!band.isObject()) {
                        return null;
                    }
                    band.allow("from", "maxSpread");
                    return new ToleranceBand(band.decimal("from", true), band.decimal("maxSpread", true));
                });
                AggregationRule fallback = aggregation(r.object("fallback", true));
                return new AggregationRule.Tolerance(r.integer("trim", 1), bands, fallback);
            }
            default -> {
                r.error(r.at("rule"), "未知汇总规则 " + rule + "(可用:MEAN, MEDIAN, SUM, TRIMMED_MEAN, TOLERANCE, CLOSEST_PAIR)",
                        "unknown aggregation rule " + rule + " (expected MEAN, MEDIAN, SUM, TRIMMED_MEAN, TOLERANCE, CLOSEST_PAIR)");
                return null;
            }
        }
    }

    private SpreadLimit spreadLimit(NodeReader r) {
        if (r == null) {
            return null;
        }
        r.allow("maxSpread", "maxSpreadPercent");
        BigDecimal absolute = r.decimal("maxSpread", false);
        BigDecimal percent = r.decimal("maxSpreadPercent", false);
        if ((absolute == null) == (percent == null)) {
            r.error(r.path(), "需且只需给出 maxSpread 或 maxSpreadPercent 之一", "give exactly one of maxSpread or maxSpreadPercent");
            return null;
        }
        return absolute != null ? new SpreadLimit.Absolute(absolute) : new SpreadLimit.PercentOfScale(percent);
    }

    private Part part(NodeReader r) {
        if (!r.isObject()) {
            return null;
        }
        r.allow("id", "nameZh", "nameEn", "maximum", "weight", "passMark", "modules");
        return new Part(r.text("id", true), r.text("nameZh", true), r.text("nameEn", true), r.decimal("maximum", true),
                r.decimal("weight", true), r.decimal("passMark", false), r.list("modules", true, this::module));
    }

    private SchemeModule module(NodeReader r) {
        if (!r.isObject()) {
            return null;
        }
        r.allow("id", "nameZh", "nameEn", "aspects");
        return new SchemeModule(r.text("id", true), r.text("nameZh", true), r.text("nameEn", true),
                r.list("aspects", true, this::aspect));
    }

    private Aspect aspect(NodeReader r) {
        if (!r.isObject()) {
            return null;
        }
        r.allow("id", "descriptionZh", "descriptionEn", "type", "measurement", "maximum", "step", "scale",
                "aggregation", "quorum", "disagreement");
        String id = r.text("id", true);
        AspectType type = r.enumValue("type", AspectType.class, true);
        BigDecimal maximum = r.decimal("maximum", true);
        BigDecimal step = r.decimal("step", true);
        MarkScale scale = null;
        NodeReader scaleNode = r.object("scale", false);
        if (scaleNode != null) {
            scaleNode.allow("maximum", "step");
            scale = new MarkScale(scaleNode.decimal("maximum", true), scaleNode.decimal("step", true));
        }
        AggregationRule rule = r.has("aggregation") ? aggregation(r.object("aggregation", true)) : null;
        if (id == null || type == null || maximum == null || step == null) {
            return null;
        }
        return new Aspect(id, r.text("descriptionZh", true), r.text("descriptionEn", true), type,
                r.enumValue("measurement", MeasurementKind.class, false), maximum, step, scale, rule,
                r.integer("quorum", false), spreadLimit(r.object("disagreement", false)));
    }

    private ViolationRule violation(NodeReader r) {
        if (!r.isObject()) {
            return null;
        }
        r.allow("code", "nameZh", "nameEn", "deduction", "deductFrom", "effect", "module", "effectFromCount");
        ViolationEffect effect = r.has("effect") ? r.enumValue("effect", ViolationEffect.class, true) : ViolationEffect.NONE;
        return new ViolationRule(r.text("code", true), r.text("nameZh", true), r.text("nameEn", true),
                r.decimal("deduction", false), r.text("deductFrom", false), effect, r.text("module", false),
                r.integer("effectFromCount", 1));
    }

    private TimeRule time(NodeReader r) {
        if (r == null) {
            return null;
        }
        r.allow("limitSeconds", "overrun");
        Duration limit = seconds(r.decimal("limitSeconds", true));
        NodeReader overrun = r.object("overrun", false);
        if (overrun == null) {
            return new TimeRule(limit, null, null, null, null);
        }
        overrun.allow("perSeconds", "deduction", "deductFrom", "maxDeduction");
        return new TimeRule(limit, seconds(overrun.decimal("perSeconds", true)), overrun.decimal("deduction", true),
                overrun.text("deductFrom", false), overrun.decimal("maxDeduction", false));
    }

    static Duration seconds(BigDecimal seconds) {
        if (seconds == null) {
            return null;
        }
        return Duration.ofNanos(seconds.movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    private List<TieBreak> tieBreaks(NodeReader ranking) {
        List<TieBreak> chain = new ArrayList<>();
        JsonNode raw = ranking.raw("tieBreaks");
        int last = raw != null && raw.isArray() ? raw.size() - 1 : -1;
        ranking.list("tieBreaks", false, r -> {
            if (!r.isObject()) {
                return null;
            }
            String by = r.text("by", true);
            if (by == null) {
                return null;
            }
            switch (by) {
                case "PART" -> {
                    r.allow("by", "part", "order");
                    chain.add(new TieBreak.PartScore(r.text("part", true), r.enumValue("order", Order.class, true)));
                }
                case "MODULE" -> {
                    r.allow("by", "module", "order");
                    chain.add(new TieBreak.ModuleTotal(r.text("module", true), r.enumValue("order", Order.class, true)));
                }
                case "COMPLETION_TIME" -> {
                    r.allow("by");
                    chain.add(new TieBreak.CompletionTime());
                }
                case "TIE_STANDS" -> {
                    // Only documents the end of the chain; the tie stands anyway when the chain is exhausted.
                    r.allow("by");
                    if (!r.path().endsWith("[" + last + "]")) {
                        r.error(r.at("by"), "TIE_STANDS 只能放在最后", "TIE_STANDS can only come last");
                    }
                }
                default -> r.error(r.at("by"), "未知决胜方式 " + by + "(可用:PART, MODULE, COMPLETION_TIME, TIE_STANDS)",
                        "unknown tie-break " + by + " (expected PART, MODULE, COMPLETION_TIME, TIE_STANDS)");
            }
            return null;
        });
        return chain;
    }

    private TeamRankingConfig team(NodeReader r) {
        if (r == null) {
            return null;
        }
        r.allow("countedMembers", "tieBreaks", "noTiesWithinPlaces");
        List<TeamTieBreak> chain = new ArrayList<>();
        JsonNode raw = r.raw("tieBreaks");
        if (raw != null && raw.isArray()) {
            for (int i = 0; i < raw.size(); i++) {
                String value = raw.get(i).asText();
                try {
                    chain.add(TeamTieBreak.valueOf(value));
                } catch (IllegalArgumentException e) {
                    r.error(r.at("tieBreaks") + "[" + i + "]", "未知团体决胜方式 " + value + "(可用:TOTAL_TIME, BEST_MEMBER)",
                            "unknown team tie-break " + value + " (expected TOTAL_TIME, BEST_MEMBER)");
                }
            }
        } else if (raw != null && !raw.isNull()) {
            r.error(r.at("tieBreaks"), "这里应为列表", "a list is expected here");
        }
        Integer counted = r.integer("countedMembers", true);
        return new TeamRankingConfig(counted == null ? 0 : counted, chain, r.integer("noTiesWithinPlaces", 0));
    }

    private AwardBand award(NodeReader r) {
        if (!r.isObject()) {
            return null;
        }
        r.allow("code", "nameZh", "nameEn", "places", "topFraction", "passed");
        List<AwardCriterion> criteria = new ArrayList<>();
        NodeReader places = r.object("places", false);
        if (places != null) {
            places.allow("from", "to");
            criteria.add(new AwardCriterion.Places(places.integer("from", 0), places.integer("to", 0)));
        }
        BigDecimal fraction = r.decimal("topFraction", false);
        if (fraction != null) {
            criteria.add(new AwardCriterion.TopFraction(fraction));
        }
        if (Boolean.TRUE.equals(r.bool("passed"))) {
            criteria.add(new AwardCriterion.Passed());
        }
        if (criteria.size() != 1) {
            r.error(r.path(), "需且只需给出 places、topFraction 或 passed 之一", "give exactly one of places, topFraction or passed");
            return null;
        }
        return new AwardBand(r.text("code", true), r.text("nameZh", true), r.text("nameEn", true), criteria.get(0));
    }
}
