package io.jiangxin.engine.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiangxin.engine.scheme.AggregationRule;
import io.jiangxin.engine.scheme.Aspect;
import io.jiangxin.engine.scheme.AwardBand;
import io.jiangxin.engine.scheme.AwardCriterion;
import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.engine.scheme.Part;
import io.jiangxin.engine.scheme.SchemeModule;
import io.jiangxin.engine.scheme.SpreadLimit;
import io.jiangxin.engine.scheme.TeamTieBreak;
import io.jiangxin.engine.scheme.TieBreak;
import io.jiangxin.engine.scheme.ToleranceBand;
import io.jiangxin.engine.scheme.ViolationEffect;
import io.jiangxin.engine.scheme.ViolationRule;
import io.jiangxin.engine.ranking.RankKeys;

import java.math.BigDecimal;

/** Maps a {@link MarkingScheme} to the JSON tree {@link SchemeReader} reads back (same field names). */
final class SchemeWriter {

    private SchemeWriter() {
    }

    static ObjectNode write(MarkingScheme s) {
        ObjectNode root = Mappers.object();
        root.put("id", s.id()).put("nameZh", s.nameZh()).put("nameEn", s.nameEn());
        root.putObject("rounding").put("scale", s.rounding().scale()).put("mode", s.rounding().mode().name());
        ObjectNode defaults = root.putObject("defaults");
        defaults.set("aggregation", aggregation(s.panel().aggregation()));
        defaults.put("quorum", s.panel().quorum());
        putSpread(defaults, s.panel().spreadLimit());
        putDecimal(root, "passMark", s.passMark());
        ArrayNode parts = root.putArray("parts");
        for (Part part : s.parts()) {
            ObjectNode p = parts.addObject().put("id", part.id()).put("nameZh", part.nameZh()).put("nameEn", part.nameEn());
            p.put("maximum", part.maximum()).put("weight", part.weight());
            putDecimal(p, "passMark", part.passMark());
            ArrayNode modules = p.putArray("modules");
            for (SchemeModule module : part.modules()) {
                ObjectNode m = modules.addObject().put("id", module.id()).put("nameZh", module.nameZh())
                        .put("nameEn", module.nameEn());
                ArrayNode aspects = m.putArray("aspects");
                module.aspects().forEach(a -> aspects.add(aspect(a)));
            }
        }
        if (!s.violations().isEmpty()) {
            ArrayNode violations = root.putArray("violations");
            s.violations().forEach(v -> violations.add(violation(v)));
        }
        if (s.time() != null) {
            ObjectNode time = root.putObject("time");
            time.put("limitSeconds", RankKeys.seconds(s.time().limit()));
            if (s.time().penalisesOverrun()) {
                ObjectNode overrun = time.putObject("overrun");
                overrun.put("perSeconds", RankKeys.seconds(s.time().penaltyUnit()));
                overrun.put("deduction", s.time().deductionPerUnit());
                if (s.time().deductFrom() != null) {
                    overrun.put("deductFrom", s.time().deductFrom());
                }
                putDecimal(overrun, "maxDeduction", s.time().maxDeduction());
            }
        }
        ObjectNode ranking = root.putObject("ranking");
        ArrayNode chain = ranking.putArray("tieBreaks");
        for (TieBreak link : s.ranking().tieBreaks()) {
            if (link instanceof TieBreak.PartScore p) {
                chain.addObject().put("by", "PART").put("part", p.partId()).put("order", p.order().name());
            } else if (link instanceof TieBreak.ModuleTotal m) {
                chain.addObject().put("by", "MODULE").put("module", m.moduleId()).put("order", m.order().name());
            } else {
                chain.addObject().put("by", "COMPLETION_TIME");
            }
        }
        ranking.put("noTiesWithinPlaces", s.ranking().noTiesWithinPlaces());
        if (s.team() != null) {
            ObjectNode team = ranking.putObject("team").put("countedMembers", s.team().countedMembers());
            ArrayNode teamChain = team.putArray("tieBreaks");
            for (TeamTieBreak link : s.team().tieBreaks()) {
                teamChain.add(link.name());
            }
            team.put("noTiesWithinPlaces", s.team().noTiesWithinPlaces());
        }
        if (s.advancement() != null) {
            ObjectNode advancement = root.putObject("advancement");
            if (s.advancement().topN() != null) {
                advancement.put("topN", s.advancement().topN());
            }
            advancement.put("requirePass", s.advancement().requirePass());
            if (s.advancement().minScore() != null) {
                advancement.put("minScore", s.advancement().minScore());
            }
        }
        if (!s.awards().isEmpty()) {
            ArrayNode awards = root.putArray("awards");
            s.awards().forEach(a -> awards.add(award(a)));
        }
        if (s.normalisation() != null) {
            root.putObject("normalisation").put("method", "Z_SCORE").put("mean", s.normalisation().mean())
                    .put("spread", s.normalisation().spread());
        }
        if (s.consistency() != null) {
            root.putObject("consistency").put("biasThresholdPercent", s.consistency().biasThresholdPercent())
                    .put("minimumAspects", s.consistency().minimumAspects());
        }
        if (s.rounds() != null) {
            ObjectNode rounds = root.putObject("rounds").put("current", s.rounds().currentRound());
            ArrayNode weights = rounds.putArray("weights");
            s.rounds().weights().forEach(w -> weights.addObject().put("round", w.roundId()).put("weight", w.weight()));
        }
        return root;
    }

    private static ObjectNode aspect(Aspect a) {
        ObjectNode node = Mappers.object().put("id", a.id()).put("descriptionZh", a.descriptionZh())
                .put("descriptionEn", a.descriptionEn()).put("type", a.type().name());
        if (a.measurementKind() != null) {
            node.put("measurement", a.measurementKind().name());
        }
        node.put("maximum", a.maximum()).put("step", a.step());
        if (a.markScale() != null) {
            node.putObject("scale").put("maximum", a.markScale().maximum()).put("step", a.markScale().step());
        }
        if (a.aggregation() != null) {
            node.set("aggregation", aggregation(a.aggregation()));
        }
        if (a.quorum() != null) {
            node.put("quorum", a.quorum());
        }
        putSpread(node, a.spreadLimit());
        return node;
    }

    private static ObjectNode aggregation(AggregationRule rule) {
        ObjectNode node = Mappers.object();
        if (rule instanceof AggregationRule.Mean) {
            node.put("rule", "MEAN");
        } else if (rule instanceof AggregationRule.Median) {
            node.put("rule", "MEDIAN");
        } else if (rule instanceof AggregationRule.Sum) {
            node.put("rule", "SUM");
        } else if (rule instanceof AggregationRule.ClosestPair) {
            node.put("rule", "CLOSEST_PAIR");
        } else if (rule instanceof AggregationRule.TrimmedMean t) {
            node.put("rule", "TRIMMED_MEAN").put("trim", t.trim());
        } else if (rule instanceof AggregationRule.Tolerance t) {
            node.put("rule", "TOLERANCE").put("trim", t.trim());
            ArrayNode bands = node.putArray("bands");
            for (ToleranceBand band : t.bands()) {
                bands.addObject().put("from", band.fromLevel()).put("maxSpread", band.maxSpread());
            }
            node.set("fallback", aggregation(t.fallback()));
        }
        return node;
    }

    private static void putSpread(ObjectNode node, SpreadLimit limit) {
        if (limit instanceof SpreadLimit.Absolute a) {
            node.putObject("disagreement").put("maxSpread", a.maxSpread());
        } else if (limit instanceof SpreadLimit.PercentOfScale p) {
            node.putObject("disagreement").put("maxSpreadPercent", p.percent());
        }
    }

    private static ObjectNode violation(ViolationRule v) {
        ObjectNode node = Mappers.object().put("code", v.code()).put("nameZh", v.nameZh()).put("nameEn", v.nameEn());
        putDecimal(node, "deduction", v.deductionEach());
        if (v.deductFrom() != null) {
            node.put("deductFrom", v.deductFrom());
        }
        node.put("effect", v.effect().name());
        if (v.effect() == ViolationEffect.ZERO_MODULE) {
            node.put("module", v.effectModule());
        }
        node.put("effectFromCount", v.effectFromCount());
        return node;
    }

    private static ObjectNode award(AwardBand band) {
        ObjectNode node = Mappers.object().put("code", band.code()).put("nameZh", band.nameZh()).put("nameEn", band.nameEn());
        AwardCriterion c = band.criterion();
        if (c instanceof AwardCriterion.Places p) {
            node.putObject("places").put("from", p.from()).put("to", p.to());
        } else if (c instanceof AwardCriterion.TopFraction f) {
            node.put("topFraction", f.fraction());
        } else {
            node.put("passed", true);
        }
        return node;
    }

    private static void putDecimal(ObjectNode node, String field, BigDecimal value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
