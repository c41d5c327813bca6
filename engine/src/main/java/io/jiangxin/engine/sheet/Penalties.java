package io.jiangxin.engine.sheet;

import io.jiangxin.engine.numeric.Decimals;
import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.engine.scheme.TimeRule;
import io.jiangxin.engine.scheme.ViolationEffect;
import io.jiangxin.engine.scheme.ViolationRule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Violations and time for one sheet: the points each deduction aspect loses, the modules zeroed, whether
 * the total is zeroed or the entry disqualified, and the time deduction.
 */
final class Penalties {

    final Map<String, BigDecimal> deductedFromAspect = new HashMap<>();
    final Set<String> zeroedModules = new HashSet<>();
    final List<AppliedViolation> applied = new ArrayList<>();
    boolean zeroTotal;
    boolean disqualified;
    BigDecimal totalDeduction = BigDecimal.ZERO;
    TimeResult time;

    static Penalties of(MarkingScheme scheme, SheetInput input, List<String> problems) {
        Penalties penalties = new Penalties();
        penalties.applyViolations(scheme, input, problems);
        penalties.applyTime(scheme.time(), input, problems);
        return penalties;
    }

    private void applyViolations(MarkingScheme scheme, SheetInput input, List<String> problems) {
        Map<String, Integer> counts = new TreeMap<>();
        for (ViolationRecord record : input.violations()) {
            if (scheme.violation(record.code()).isEmpty()) {
                problems.add("违规代码 " + record.code() + " 未配置 / unknown violation code " + record.code());
            } else if (record.count() < 0) {
                problems.add("违规次数不能为负数:" + record.code() + " / a violation count cannot be negative: " + record.code());
            } else {
                counts.merge(record.code(), record.count(), Integer::sum);
            }
        }
        counts.forEach((code, count) -> {
            if (count == 0) {
                return;
            }
            ViolationRule rule = scheme.violation(code).orElseThrow();
            BigDecimal each = rule.deductionEach() == null ? BigDecimal.ZERO : rule.deductionEach();
            BigDecimal deducted = each.multiply(BigDecimal.valueOf(count));
            if (deducted.signum() > 0) {
                deductedFromAspect.merge(rule.deductFrom(), deducted, BigDecimal::add);
            }
            ViolationEffect effect = count >= rule.effectFromCount() ? rule.effect() : ViolationEffect.NONE;
            switch (effect) {
                case ZERO_MODULE -> zeroedModules.add(rule.effectModule());
                case ZERO_TOTAL -> zeroTotal = true;
                case DISQUALIFY -> disqualified = true;
                case NONE -> {
                }
            }
            applied.add(new AppliedViolation(code, count, deducted, effect));
        });
    }

    private void applyTime(TimeRule rule, SheetInput input, List<String> problems) {
        Duration completion = input.completionTime();
        Duration extra = input.extraTime();
        if (extra.isNegative()) {
            problems.add("加时不能为负数 / extra time cannot be negative");
            return;
        }
        if (completion == null) {
            time = new TimeResult(null, extra, null, null, BigDecimal.ZERO);
            return;
        }
        if (completion.isNegative()) {
            problems.add("用时不能为负数 / completion time cannot be negative");
            return;
        }
        Duration net = completion.minus(extra);
        if (net.isNegative()) {
            net = Duration.ZERO;
        }
        Duration overrun = Duration.ZERO;
        BigDecimal deduction = BigDecimal.ZERO;
        if (rule != null && net.compareTo(rule.limit()) > 0) {
            overrun = net.minus(rule.limit());
        }
        if (rule != null && rule.penalisesOverrun() && overrun.compareTo(Duration.ZERO) > 0) {
            BigDecimal units = new BigDecimal(overrun.toNanos())
                    .divide(new BigDecimal(rule.penaltyUnit().toNanos()), 0, RoundingMode.CEILING);
            deduction = units.multiply(rule.deductionPerUnit());
            if (rule.maxDeduction() != null) {
                deduction = Decimals.min(deduction, rule.maxDeduction());
            }
            if (rule.deductFrom() != null) {
                deductedFromAspect.merge(rule.deductFrom(), deduction, BigDecimal::add);
            } else {
                totalDeduction = deduction;
            }
        }
        time = new TimeResult(completion, extra, net, overrun, deduction);
    }
}
