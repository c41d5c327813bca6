package io.jiangxin.engine.scheme;

import io.jiangxin.engine.numeric.Decimals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds every mistake in a scheme at once, each with its path (e.g. {@code parts[1].modules[0].aspects[2].step})
 * and a message in Chinese with English alongside. A scheme with no errors is safe to evaluate.
 */
public final class SchemeValidator {

    private static final int MAX_SCALE = 10;

    private final MarkingScheme scheme;
    private final List<SchemeError> errors = new ArrayList<>();

    private SchemeValidator(MarkingScheme scheme) {
        this.scheme = scheme;
    }

    /** @return all errors in scheme order; empty when the scheme is valid */
    public static List<SchemeError> validate(MarkingScheme scheme) {
        SchemeValidator validator = new SchemeValidator(scheme);
        validator.run();
        return List.copyOf(validator.errors);
    }

    private void error(String path, String zh, String en) {
        errors.add(new SchemeError(path, zh, en));
    }

    private void run() {
        requireText("id", scheme.id(), "方案编号", "scheme id");
        requireText("nameZh", scheme.nameZh(), "中文名称", "Chinese name");
        requireText("nameEn", scheme.nameEn(), "英文名称", "English name");
        checkRounding();
        checkPanelDefaults();
        checkParts();
        checkViolations();
        checkTime();
        checkPercent("passMark", scheme.passMark(), "及格线", "pass mark");
        checkRanking();
        checkTeam();
        checkAdvancement();
        checkAwards();
        checkNormalisation();
        checkConsistency();
        checkRounds();
    }

    private void requireText(String path, String value, String zh, String en) {
        if (value == null || value.isBlank()) {
            error(path, zh + "不能为空", en + " must not be empty");
        }
    }

    private void checkRounding() {
        int scale = scheme.rounding().scale();
        if (scale < 0 || scale > MAX_SCALE) {
            error("rounding.scale", "小数位数必须在 0 到 " + MAX_SCALE + " 之间",
                    "scale must be between 0 and " + MAX_SCALE);
        }
        if (scheme.rounding().mode() == RoundingMode.UNNECESSARY) {
            error("rounding.mode", "必须声明一种舍入方式(如 HALF_UP)",
                    "a rounding mode must round (e.g. HALF_UP), not UNNECESSARY");
        }
    }

    private void checkPanelDefaults() {
        PanelDefaults panel = scheme.panel();
        if (panel.aggregation() == null) {
            error("defaults.aggregation", "缺少默认汇总规则", "the default aggregation rule is missing");
        } else {
            checkRule("defaults.aggregation", panel.aggregation(), panel.quorum());
        }
        if (panel.quorum() < 1) {
            error("defaults.quorum", "法定评分人数至少为 1", "the quorum must be at least 1");
        }
        checkSpreadLimit("defaults.disagreement", panel.spreadLimit());
    }

    private void checkRule(String path, AggregationRule rule, int quorum) {
        if (rule instanceof AggregationRule.TrimmedMean t) {
            checkTrim(path, t.trim());
        } else if (rule instanceof AggregationRule.Tolerance t) {
            checkTrim(path, t.trim());
            if (t.bands().isEmpty()) {
                error(path + ".bands", "至少需要一个容差区间", "at least one tolerance band is required");
            }
            for (int i = 0; i < t.bands().size(); i++) {
                ToleranceBand band = t.bands().get(i);
                String bandPath = path + ".bands[" + i + "]";
                if (band.fromLevel() == null || band.maxSpread() == null) {
                    error(bandPath, "容差区间需要 from 和 maxSpread", "a band needs from and maxSpread");
                } else if (band.maxSpread().signum() < 0) {
                    error(bandPath + ".maxSpread", "容差不能为负数", "a tolerance cannot be negative");
                }
            }
            if (t.fallback() == null) {
                error(path + ".fallback", "缺少超出容差时的替代规则", "the fallback rule is missing");
            } else if (t.fallback() instanceof AggregationRule.Tolerance) {
                error(path + ".fallback", "替代规则不能再是容差规则", "the fallback cannot itself be a tolerance rule");
            } else {
                checkRule(path + ".fallback", t.fallback(), quorum);
            }
        }
        if (quorum >= 1 && quorum < rule.minimumMarks()) {
            error(path, "法定评分人数 " + quorum + " 少于该规则所需的 " + rule.minimumMarks() + " 人",
                    "the quorum " + quorum + " is below the " + rule.minimumMarks() + " marks this rule needs");
        }
    }

    private void checkTrim(String path, int trim) {
        if (trim < 1) {
            error(path + ".trim", "去掉的最高分和最低分个数至少为 1", "trim must drop at least 1 mark at each end");
        }
    }

    private void checkSpreadLimit(String path, SpreadLimit limit) {
        if (limit instanceof SpreadLimit.Absolute a && (a.maxSpread() == null || a.maxSpread().signum() < 0)) {
            error(path + ".maxSpread", "分歧限值不能为负数", "the disagreement limit cannot be negative");
        }
        if (limit instanceof SpreadLimit.PercentOfScale p) {
            checkPercent(path + ".maxSpreadPercent", p.percent(), "分歧限值百分比", "disagreement percentage");
        }
    }

    private void checkPercent(String path, BigDecimal value, String zh, String en) {
        if (value != null && (value.signum() < 0 || value.compareTo(Decimals.HUNDRED) > 0)) {
            error(path, zh + "必须在 0 到 100 之间", en + " must be between 0 and 100");
        }
    }

    private void checkParts() {
        if (scheme.parts().isEmpty()) {
            error("parts", "至少需要一个部分", "at least one part is required");
            return;
        }
        Set<String> partIds = new HashSet<>();
        Set<String> moduleIds = new HashSet<>();
        Set<String> aspectIds = new HashSet<>();
        BigDecimal weights = BigDecimal.ZERO;
        for (int p = 0; p < scheme.parts().size(); p++) {
            Part part = scheme.parts().get(p);
            String path = "parts[" + p + "]";
            checkId(path + ".id", part.id(), partIds);
            requireText(path + ".nameZh", part.nameZh(), "中文名称", "Chinese name");
            requireText(path + ".nameEn", part.nameEn(), "英文名称", "English name");
            if (part.weight() == null || part.weight().signum() <= 0) {
                error(path + ".weight", "权重必须大于 0", "the weight must be greater than 0");
            } else {
                weights = weights.add(part.weight());
            }
            checkPercent(path + ".passMark", part.passMark(), "部分及格线", "part pass mark");
            if (part.modules().isEmpty()) {
                error(path + ".modules", "至少需要一个模块", "at least one module is required");
            }
            BigDecimal aspectMaxima = BigDecimal.ZERO;
            for (int m = 0; m < part.modules().size(); m++) {
                SchemeModule module = part.modules().get(m);
                String modulePath = path + ".modules[" + m + "]";
                checkId(modulePath + ".id", module.id(), moduleIds);
                requireText(modulePath + ".nameZh", module.nameZh(), "中文名称", "Chinese name");
                requireText(modulePath + ".nameEn", module.nameEn(), "英文名称", "English name");
                if (module.aspects().isEmpty()) {
                    error(modulePath + ".aspects", "至少需要一个评分项", "at least one aspect is required");
                }
                for (int a = 0; a < module.aspects().size(); a++) {
                    Aspect aspect = module.aspects().get(a);
                    String aspectPath = modulePath + ".aspects[" + a + "]";
                    checkId(aspectPath + ".id", aspect.id(), aspectIds);
                    checkAspect(aspectPath, aspect);
                    if (aspect.maximum() != null) {
                        aspectMaxima = aspectMaxima.add(aspect.maximum());
                    }
                }
            }
            if (part.maximum() == null || part.maximum().signum() <= 0) {
                error(path + ".maximum", "满分必须大于 0", "the maximum must be greater than 0");
            } else if (part.maximum().compareTo(aspectMaxima) != 0) {
                error(path + ".maximum",
                        "部分满分 " + Decimals.plain(part.maximum()) + " 不等于其评分项满分之和 " + Decimals.plain(aspectMaxima),
                        "the part maximum " + Decimals.plain(part.maximum()) + " differs from the sum of its aspects' maxima "
                                + Decimals.plain(aspectMaxima));
            }
        }
        if (weights.compareTo(Decimals.HUNDRED) != 0) {
            error("parts", "各部分权重之和为 " + Decimals.plain(weights) + ",必须为 100",
                    "the parts' weights add up to " + Decimals.plain(weights) + ", not 100");
        }
    }

    private void checkId(String path, String id, Set<String> seen) {
        if (id == null || id.isBlank()) {
            error(path, "编号不能为空", "the id must not be empty");
        } else if (!seen.add(id)) {
            error(path, "编号 " + id + " 重复", "the id " + id + " is used twice");
        }
    }

    private void checkAspect(String path, Aspect aspect) {
        requireText(path + ".descriptionZh", aspect.descriptionZh(), "中文描述", "Chinese description");
        requireText(path + ".descriptionEn", aspect.descriptionEn(), "英文描述", "English description");
        boolean maximumOk = checkMaximumAndStep(path, aspect.maximum(), aspect.step(), "");
        switch (aspect.type()) {
            case MEASUREMENT -> {
                if (aspect.measurementKind() == null) {
                    error(path + ".measurement", "测量项需声明类型(VALUE、YES_NO 或 DEDUCTION)",
                            "a measurement aspect needs its kind (VALUE, YES_NO or DEDUCTION)");
                }
                forbidPanelSettings(path, aspect, false);
                if (aspect.quorum() != null && aspect.quorum() < 1) {
                    error(path + ".quorum", "法定评分人数至少为 1", "the quorum must be at least 1");
                }
            }
            case JUDGEMENT -> {
                if (aspect.measurementKind() != null) {
                    error(path + ".measurement", "只有测量项才有测量类型", "only measurement aspects have a measurement kind");
                }
                if (aspect.markScale() != null) {
                    checkMaximumAndStep(path + ".scale", aspect.markScale().maximum(), aspect.markScale().step(), "评分范围");
                }
                int quorum = scheme.quorumFor(aspect);
                if (aspect.quorum() != null && aspect.quorum() < 1) {
                    error(path + ".quorum", "法定评分人数至少为 1", "the quorum must be at least 1");
                }
                AggregationRule rule = scheme.aggregationFor(aspect);
                if (aspect.aggregation() != null) {
                    checkRule(path + ".aggregation", aspect.aggregation(), quorum);
                } else if (rule != null && aspect.quorum() != null && quorum >= 1 && quorum < rule.minimumMarks()) {
                    error(path + ".quorum", "法定评分人数 " + quorum + " 少于默认规则所需的 " + rule.minimumMarks() + " 人",
                            "the quorum " + quorum + " is below the " + rule.minimumMarks() + " marks the default rule needs");
                }
                if (rule instanceof AggregationRule.Sum && maximumOk && quorum >= 1) {
                    BigDecimal expected = aspect.scaleMaximum().multiply(BigDecimal.valueOf(quorum));
                    if (expected.compareTo(aspect.maximum()) != 0) {
                        error(path + ".maximum", "求和规则下满分必须等于评分范围上限 × 法定人数 = " + Decimals.plain(expected),
                                "with SUM the maximum must equal scale maximum × quorum = " + Decimals.plain(expected));
                    }
                }
                checkSpreadLimit(path + ".disagreement", aspect.spreadLimit());
            }
            case DEDUCTION -> {
                if (aspect.measurementKind() != null) {
                    error(path + ".measurement", "只有测量项才有测量类型", "only measurement aspects have a measurement kind");
                }
                forbidPanelSettings(path, aspect, true);
            }
        }
    }

    private void forbidPanelSettings(String path, Aspect aspect, boolean forbidQuorum) {
        if (aspect.aggregation() != null) {
            error(path + ".aggregation", "只有评判项才有汇总规则", "only judgement aspects have an aggregation rule");
        }
        if (aspect.markScale() != null) {
            error(path + ".scale", "只有评判项才有单独的评分范围", "only judgement aspects have their own marking scale");
        }
        if (aspect.spreadLimit() != null) {
            error(path + ".disagreement", "只有评判项才有分歧限值", "only judgement aspects have a disagreement limit");
        }
        if (forbidQuorum && aspect.quorum() != null) {
            error(path + ".quorum", "扣分项没有法定评分人数", "a deduction aspect has no quorum");
        }
    }

    private boolean checkMaximumAndStep(String path, BigDecimal maximum, BigDecimal step, String what) {
        boolean ok = true;
        if (maximum == null || maximum.signum() <= 0) {
            error(path + ".maximum", what + "满分必须大于 0", "the maximum must be greater than 0");
            ok = false;
        }
        if (step == null || step.signum() <= 0) {
            error(path + ".step", "步长必须大于 0", "the step must be greater than 0");
            ok = false;
        } else if (ok && !Decimals.isMultipleOf(maximum, step)) {
            error(path + ".step", "步长必须整除满分", "step must divide the maximum");
            ok = false;
        }
        return ok;
    }

    private void checkViolations() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < scheme.violations().size(); i++) {
            ViolationRule rule = scheme.violations().get(i);
            String path = "violations[" + i + "]";
            checkId(path + ".code", rule.code(), codes);
            requireText(path + ".nameZh", rule.nameZh(), "中文名称", "Chinese name");
            requireText(path + ".nameEn", rule.nameEn(), "英文名称", "English name");
            BigDecimal each = rule.deductionEach();
            if (each != null && each.signum() < 0) {
                error(path + ".deduction", "扣分不能为负数", "a deduction cannot be negative");
            }
            if (each != null && each.signum() > 0) {
                checkDeductionTarget(path + ".deductFrom", rule.deductFrom(), false);
            } else if (rule.deductFrom() != null) {
                checkDeductionTarget(path + ".deductFrom", rule.deductFrom(), false);
            }
            if (rule.effect() == null) {
                error(path + ".effect", "缺少处理结果", "the effect is missing");
            } else if (rule.effect() == ViolationEffect.ZERO_MODULE) {
                if (rule.effectModule() == null || scheme.module(rule.effectModule()).isEmpty()) {
                    error(path + ".module", "零分处理需指定存在的模块", "ZERO_MODULE needs an existing module");
                }
            } else if (rule.effectModule() != null) {
                error(path + ".module", "只有 ZERO_MODULE 需要指定模块", "only ZERO_MODULE names a module");
            }
            if (rule.effectFromCount() < 1) {
                error(path + ".effectFromCount", "触发次数至少为 1", "the effect count must be at least 1");
            }
            if ((each == null || each.signum() == 0) && rule.effect() == ViolationEffect.NONE) {
                error(path, "违规既不扣分也无处理结果", "the violation neither deducts nor has an effect");
            }
        }
    }

    private void checkDeductionTarget(String path, String aspectId, boolean totalAllowed) {
        if (aspectId == null) {
            if (!totalAllowed) {
                error(path, "需指定扣分的扣分项", "name the deduction aspect to deduct from");
            }
            return;
        }
        Aspect target = scheme.aspect(aspectId).orElse(null);
        if (target == null) {
            error(path, "评分项 " + aspectId + " 不存在", "aspect " + aspectId + " does not exist");
        } else if (target.type() != AspectType.DEDUCTION) {
            error(path, "只能从扣分项(DEDUCTION)扣分:" + aspectId, "deductions go to a DEDUCTION aspect, not " + aspectId);
        }
    }

    private void checkTime() {
        TimeRule time = scheme.time();
        if (time == null) {
            return;
        }
        if (time.limit() == null || time.limit().isNegative() || time.limit().isZero()) {
            error("time.limitSeconds", "时限必须大于 0", "the time limit must be greater than 0");
        }
        if (time.penaltyUnit() == null && time.deductionPerUnit() == null) {
            if (time.deductFrom() != null || time.maxDeduction() != null) {
                error("time.overrun", "超时扣分需要 perSeconds 和 deduction", "an overrun penalty needs perSeconds and deduction");
            }
            return;
        }
        if (time.penaltyUnit() == null || time.penaltyUnit().isNegative() || time.penaltyUnit().isZero()) {
            error("time.overrun.perSeconds", "超时计罚单位必须大于 0", "the overrun unit must be greater than 0");
        }
        if (time.deductionPerUnit() == null || time.deductionPerUnit().signum() < 0) {
            error("time.overrun.deduction", "超时扣分不能为负数", "the overrun deduction cannot be negative");
        }
        if (time.maxDeduction() != null && time.maxDeduction().signum() < 0) {
            error("time.overrun.maxDeduction", "扣分上限不能为负数", "the deduction cap cannot be negative");
        }
        checkDeductionTarget("time.overrun.deductFrom", time.deductFrom(), true);
    }

    private void checkRanking() {
        List<TieBreak> chain = scheme.ranking().tieBreaks();
        for (int i = 0; i < chain.size(); i++) {
            String path = "ranking.tieBreaks[" + i + "]";
            TieBreak link = chain.get(i);
            if (link instanceof TieBreak.PartScore p) {
                if (scheme.part(p.partId()).isEmpty()) {
                    error(path + ".part", "部分 " + p.partId() + " 不存在", "part " + p.partId() + " does not exist");
                }
                requireOrder(path, p.order());
            } else if (link instanceof TieBreak.ModuleTotal m) {
                if (scheme.module(m.moduleId()).isEmpty()) {
                    error(path + ".module", "模块 " + m.moduleId() + " 不存在", "module " + m.moduleId() + " does not exist");
                }
                requireOrder(path, m.order());
            } else if (link instanceof TieBreak.CompletionTime && scheme.time() == null) {
                error(path, "按用时决胜需要配置时限", "a completion-time tie-break needs the time section");
            }
        }
        if (scheme.ranking().noTiesWithinPlaces() < 0) {
            error("ranking.noTiesWithinPlaces", "不能为负数", "must not be negative");
        }
    }

    private void requireOrder(String path, Order order) {
        if (order == null) {
            error(path + ".order", "需声明 HIGHER_FIRST 或 LOWER_FIRST", "declare HIGHER_FIRST or LOWER_FIRST");
        }
    }

    private void checkTeam() {
        TeamRankingConfig team = scheme.team();
        if (team == null) {
            return;
        }
        if (team.countedMembers() < 1) {
            error("ranking.team.countedMembers", "计分人数至少为 1", "at least 1 member must count");
        }
        if (team.noTiesWithinPlaces() < 0) {
            error("ranking.team.noTiesWithinPlaces", "不能为负数", "must not be negative");
        }
        if (team.tieBreaks().contains(TeamTieBreak.TOTAL_TIME) && scheme.time() == null) {
            error("ranking.team.tieBreaks", "按总用时决胜需要配置时限", "a total-time tie-break needs the time section");
        }
    }

    private void checkAdvancement() {
        AdvancementRule rule = scheme.advancement();
        if (rule == null) {
            return;
        }
        if (rule.topN() == null && rule.minScore() == null) {
            error("advancement", "需要晋级名额 topN 或分数线 minScore", "give topN, minScore or both");
        }
        if (rule.topN() != null && rule.topN() < 1) {
            error("advancement.topN", "晋级名额至少为 1", "at least 1 place must advance");
        }
        if (rule.requirePass() && !scheme.hasPassMarks()) {
            error("advancement.requirePass", "未配置及格线", "no pass mark is configured");
        }
    }

    private void checkAwards() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < scheme.awards().size(); i++) {
            AwardBand band = scheme.awards().get(i);
            String path = "awards[" + i + "]";
            checkId(path + ".code", band.code(), codes);
            requireText(path + ".nameZh", band.nameZh(), "中文名称", "Chinese name");
            requireText(path + ".nameEn", band.nameEn(), "英文名称", "English name");
            AwardCriterion criterion = band.criterion();
            if (criterion == null) {
                error(path, "缺少获奖条件", "the award criterion is missing");
            } else if (criterion instanceof AwardCriterion.Places p) {
                if (p.from() < 1 || p.to() < p.from()) {
                    error(path + ".places", "名次区间无效:" + p.from() + "–" + p.to(),
                            "invalid place range " + p.from() + "–" + p.to());
                }
            } else if (criterion instanceof AwardCriterion.TopFraction f) {
                if (f.fraction() == null || f.fraction().signum() <= 0 || f.fraction().compareTo(BigDecimal.ONE) > 0) {
                    error(path + ".topFraction", "比例必须大于 0 且不超过 1", "the fraction must be in (0, 1]");
                }
            } else if (criterion instanceof AwardCriterion.Passed && !scheme.hasPassMarks()) {
                error(path + ".passed", "未配置及格线", "no pass mark is configured");
            }
        }
    }

    private void checkNormalisation() {
        NormalisationConfig n = scheme.normalisation();
        if (n == null) {
            return;
        }
        if (n.mean() == null) {
            error("normalisation.mean", "缺少目标均值", "the target mean is missing");
        }
        if (n.spread() == null || n.spread().signum() <= 0) {
            error("normalisation.spread", "目标离散度必须大于 0", "the target spread must be greater than 0");
        }
    }

    private void checkConsistency() {
        ConsistencyConfig c = scheme.consistency();
        if (c == null) {
            return;
        }
        if (c.biasThresholdPercent() == null || c.biasThresholdPercent().signum() < 0) {
            error("consistency.biasThresholdPercent", "偏差阈值不能为负数", "the bias threshold cannot be negative");
        }
        if (c.minimumAspects() < 1) {
            error("consistency.minimumAspects", "最少评分项数至少为 1", "the minimum number of aspects must be at least 1");
        }
    }

    private void checkRounds() {
        RoundWeights rounds = scheme.rounds();
        if (rounds == null) {
            return;
        }
        Set<String> ids = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < rounds.weights().size(); i++) {
            RoundWeights.RoundWeight weight = rounds.weights().get(i);
            checkId("rounds.weights[" + i + "].round", weight.roundId(), ids);
            if (weight.weight() == null || weight.weight().signum() <= 0) {
                error("rounds.weights[" + i + "].weight", "权重必须大于 0", "the weight must be greater than 0");
            } else {
                total = total.add(weight.weight());
            }
        }
        if (total.compareTo(Decimals.HUNDRED) != 0) {
            error("rounds.weights", "各轮权重之和为 " + Decimals.plain(total) + ",必须为 100",
                    "the rounds' weights add up to " + Decimals.plain(total) + ", not 100");
        }
        if (rounds.currentRound() == null || !ids.contains(rounds.currentRound())) {
            error("rounds.current", "本轮必须是已列出的轮次之一", "the current round must be one of the listed rounds");
        }
    }
}
