package io.jiangxin.engine.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jiangxin.engine.consistency.JudgeConsistencyReport;
import io.jiangxin.engine.normalisation.JudgeStatistics;
import io.jiangxin.engine.normalisation.NormalisationResult;
import io.jiangxin.engine.ranking.RankKeys;
import io.jiangxin.engine.ranking.RankedEntry;
import io.jiangxin.engine.ranking.RankingResult;
import io.jiangxin.engine.ranking.TeamResult;
import io.jiangxin.engine.scheme.AwardBand;
import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.engine.sheet.AppliedViolation;
import io.jiangxin.engine.sheet.AspectResult;
import io.jiangxin.engine.sheet.LockBlocker;
import io.jiangxin.engine.sheet.ModuleResult;
import io.jiangxin.engine.sheet.PartResult;
import io.jiangxin.engine.sheet.SheetResult;
import io.jiangxin.engine.sheet.TimeResult;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the JSON report of an evaluation. Field and entry order are fixed, so equal inputs give equal text. */
final class EvaluationReport {

    private EvaluationReport() {
    }

    record Inputs(MarkingScheme scheme, RankingResult ranking, Map<String, AwardBand> awards, Set<String> advancing,
                  Map<String, Map<String, BigDecimal>> roundTotals, NormalisationResult normalisation,
                  List<TeamResult> teams, List<JudgeConsistencyReport> judges) {
    }

    static ObjectNode build(Inputs in) {
        ObjectNode root = Mappers.object();
        root.putObject("scheme").put("id", in.scheme().id()).put("nameZh", in.scheme().nameZh())
                .put("nameEn", in.scheme().nameEn());
        root.put("entryCount", in.ranking().entries().size()).put("rankedCount", in.ranking().rankedCount());
        ArrayNode entries = root.putArray("entries");
        for (RankedEntry ranked : in.ranking().entries()) {
            entries.add(entry(ranked, in));
        }
        if (in.teams() != null) {
            ArrayNode teams = root.putArray("teams");
            for (TeamResult team : in.teams()) {
                ObjectNode t = teams.addObject().put("team", team.teamId()).put("rank", team.rank())
                        .put("tied", team.tied()).put("tieBrokenByFinalKey", team.tieBrokenByFinalKey())
                        .put("total", team.total());
                ArrayNode members = t.putArray("countedMembers");
                team.countedMembers().forEach(members::add);
                t.put("totalTimeSeconds", RankKeys.seconds(team.totalTime()));
            }
        }
        if (in.normalisation() != null) {
            ArrayNode judges = root.putObject("normalisation").putArray("judges");
            for (JudgeStatistics s : in.normalisation().judges().values()) {
                judges.addObject().put("judge", s.judgeId()).put("count", s.count()).put("mean", s.mean())
                        .put("standardDeviation", s.standardDeviation()).put("degenerate", s.degenerate());
            }
        }
        if (in.judges() != null) {
            ArrayNode judges = root.putArray("judgeConsistency");
            for (JudgeConsistencyReport r : in.judges()) {
                judges.addObject().put("judge", r.judgeId()).put("aspectCount", r.aspectCount())
                        .put("meanSignedDeviationPercent", r.meanSignedDeviation())
                        .put("meanAbsoluteDeviationPercent", r.meanAbsoluteDeviation()).put("biased", r.biased());
            }
        }
        return root;
    }

    private static ObjectNode entry(RankedEntry ranked, Inputs in) {
        SheetResult sheet = ranked.sheet();
        ObjectNode node = Mappers.object().put("entry", sheet.entryId());
        if (sheet.teamId() != null) {
            node.put("team", sheet.teamId());
        }
        if (ranked.rank() == null) {
            node.putNull("rank");
        } else {
            node.put("rank", ranked.rank());
        }
        node.put("tied", ranked.tied()).put("tieBrokenByFinalKey", ranked.tieBrokenByFinalKey());
        node.put("status", sheet.status().name()).put("total", sheet.total());
        if (in.normalisation() != null) {
            node.put("normalisedScore", in.normalisation().scores().get(sheet.entryId()));
        }
        if (in.roundTotals() != null) {
            ObjectNode rounds = node.putObject("roundTotals");
            in.roundTotals().getOrDefault(sheet.entryId(), Map.of()).forEach(rounds::put);
        }
        node.put("rankingScore", sheet.rankingScore());
        if (sheet.passed() != null) {
            node.put("passed", sheet.passed());
        }
        AwardBand award = in.awards().get(sheet.entryId());
        if (award == null) {
            node.putNull("award");
        } else {
            node.putObject("award").put("code", award.code()).put("nameZh", award.nameZh()).put("nameEn", award.nameEn());
        }
        if (in.advancing() != null) {
            node.put("advances", in.advancing().contains(sheet.entryId()));
        }
        node.put("complete", sheet.complete()).put("lockable", sheet.lockable());
        ArrayNode blockers = node.putArray("lockBlockers");
        for (LockBlocker b : sheet.lockBlockers()) {
            ObjectNode blocker = blockers.addObject();
            if (b.aspectId() != null) {
                blocker.put("aspect", b.aspectId());
            }
            blocker.put("code", b.code()).put("messageZh", b.messageZh()).put("messageEn", b.messageEn());
        }
        ArrayNode parts = node.putArray("parts");
        for (PartResult p : sheet.parts()) {
            ObjectNode part = parts.addObject().put("part", p.partId()).put("raw", p.raw()).put("maximum", p.maximum())
                    .put("score", p.score()).put("weight", p.weight());
            if (p.passed() != null) {
                part.put("passed", p.passed());
            }
        }
        ArrayNode modules = node.putArray("modules");
        for (ModuleResult m : sheet.modules()) {
            modules.addObject().put("module", m.moduleId()).put("total", m.total()).put("maximum", m.maximum())
                    .put("zeroed", m.zeroed());
        }
        ArrayNode aspects = node.putArray("aspects");
        sheet.aspects().forEach(a -> aspects.add(aspect(a)));
        ArrayNode violations = node.putArray("violations");
        for (AppliedViolation v : sheet.violations()) {
            violations.addObject().put("code", v.code()).put("count", v.count()).put("deducted", v.deducted())
                    .put("effect", v.effect().name());
        }
        TimeResult time = sheet.time();
        if (time != null && time.completionTime() != null) {
            node.putObject("time").put("completionSeconds", RankKeys.seconds(time.completionTime()))
                    .put("extraSeconds", RankKeys.seconds(time.extraTime()))
                    .put("netSeconds", RankKeys.seconds(time.netTime()))
                    .put("overrunSeconds", RankKeys.seconds(time.overrun()))
                    .put("deduction", time.deduction());
        }
        return node;
    }

    private static ObjectNode aspect(AspectResult a) {
        ObjectNode node = Mappers.object().put("aspect", a.aspectId()).put("type", a.type().name())
                .put("status", a.status().name());
        if (a.value() == null) {
            node.putNull("value");
        } else {
            node.put("value", a.value());
        }
        if (!a.countedMarks().isEmpty()) {
            ObjectNode marks = node.putObject("marks");
            a.countedMarks().forEach(marks::put);
            node.put("quorum", a.quorum()).put("spread", a.spread());
        }
        if (a.markingRound() > 0) {
            node.put("round", a.markingRound());
        }
        if (a.deducted().signum() != 0) {
            node.put("deducted", a.deducted());
        }
        ArrayNode flags = node.putArray("flags");
        a.flags().forEach(f -> flags.add(f.name()));
        if (a.overrideReason() != null) {
            node.put("overrideReason", a.overrideReason());
        }
        return node;
    }
}
