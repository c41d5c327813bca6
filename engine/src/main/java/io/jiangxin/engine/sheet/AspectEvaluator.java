package io.jiangxin.engine.sheet;

import io.jiangxin.engine.aggregation.Aggregate;
import io.jiangxin.engine.aggregation.PanelAggregator;
import io.jiangxin.engine.numeric.Decimals;
import io.jiangxin.engine.numeric.Ratio;
import io.jiangxin.engine.numeric.Rounding;
import io.jiangxin.engine.scheme.AggregationRule;
import io.jiangxin.engine.scheme.Aspect;
import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.engine.scheme.MeasurementKind;
import io.jiangxin.engine.scheme.SpreadLimit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Turns one aspect's counted marks (or deductions, or override) into its {@link AspectResult}. */
final class AspectEvaluator {

    private final MarkingScheme scheme;
    private final Rounding rounding;

    AspectEvaluator(MarkingScheme scheme) {
        this.scheme = scheme;
        this.rounding = scheme.rounding();
    }

    AspectResult evaluate(Aspect aspect, SortedMap<String, BigDecimal> marks, int round, BigDecimal deducted,
                          HeadJudgeOverride override) {
        AspectResult computed = switch (aspect.type()) {
            case DEDUCTION -> deduction(aspect, deducted);
            case MEASUREMENT -> measurement(aspect, marks, round);
            case JUDGEMENT -> judgement(aspect, marks, round);
        };
        if (override == null) {
            return computed;
        }
        List<AspectFlag> informational = computed.flags().stream().filter(f -> !f.blocksLock()).toList();
        return new AspectResult(aspect.id(), aspect.type(), AspectStatus.OVERRIDDEN, rounding.apply(override.value()),
                computed.countedMarks(), computed.quorum(), computed.spread(), informational, override.reason(),
                computed.deducted(), round);
    }

    private AspectResult deduction(Aspect aspect, BigDecimal deducted) {
        BigDecimal value = Decimals.max(BigDecimal.ZERO, aspect.maximum().subtract(deducted));
        return new AspectResult(aspect.id(), aspect.type(), AspectStatus.SCORED, rounding.apply(value), new TreeMap<>(),
                0, null, List.of(), null, deducted, 0);
    }

    private AspectResult measurement(Aspect aspect, SortedMap<String, BigDecimal> marks, int round) {
        int quorum = scheme.quorumFor(aspect);
        BigDecimal spread = marks.isEmpty() ? null : PanelAggregator.spread(marks.values());
        List<AspectFlag> flags = new ArrayList<>();
        if (spread != null && spread.signum() != 0) {
            flags.add(AspectFlag.DISAGREEMENT);
        }
        if (marks.size() < quorum) {
            return incomplete(aspect, marks, quorum, spread, flags, round);
        }
        // One agreed value; if recorders differ, the median stands in provisionally until resolved.
        Ratio agreed = PanelAggregator.aggregate(new AggregationRule.Median(), marks.values()).value();
        BigDecimal deducted = BigDecimal.ZERO;
        Ratio value = agreed;
        if (aspect.measurementKind() == MeasurementKind.DEDUCTION) {
            deducted = agreed.round(rounding);
            value = new Ratio(aspect.maximum().multiply(agreed.denominator()).subtract(agreed.numerator()),
                    agreed.denominator());
        }
        return new AspectResult(aspect.id(), aspect.type(), AspectStatus.SCORED, value.round(rounding), marks, quorum,
                spread, flags, null, deducted, round);
    }

    private AspectResult judgement(Aspect aspect, SortedMap<String, BigDecimal> marks, int round) {
        int quorum = scheme.quorumFor(aspect);
        AggregationRule rule = scheme.aggregationFor(aspect);
        BigDecimal spread = marks.isEmpty() ? null : PanelAggregator.spread(marks.values());
        List<AspectFlag> flags = new ArrayList<>();
        SpreadLimit limit = scheme.spreadLimitFor(aspect);
        if (limit != null && spread != null && spread.compareTo(limit.limitFor(aspect.scaleMaximum())) > 0) {
            flags.add(AspectFlag.DISAGREEMENT);
        }
        if (marks.size() < quorum) {
            return incomplete(aspect, marks, quorum, spread, flags, round);
        }
        if (rule instanceof AggregationRule.Sum && marks.size() > quorum) {
            flags.add(AspectFlag.PANEL_EXCEEDS_SUM_QUORUM);
        }
        Aggregate aggregate = PanelAggregator.aggregate(rule, marks.values());
        if (aggregate.fallbackUsed()) {
            flags.add(AspectFlag.TOLERANCE_FALLBACK);
        }
        Ratio value = aggregate.value();
        if (!(rule instanceof AggregationRule.Sum) && aspect.markScale() != null) {
            value = value.times(aspect.maximum()).dividedBy(aspect.scaleMaximum());
        }
        return new AspectResult(aspect.id(), aspect.type(), AspectStatus.SCORED, value.round(rounding), marks, quorum,
                spread, sorted(flags), null, BigDecimal.ZERO, round);
    }

    private AspectResult incomplete(Aspect aspect, SortedMap<String, BigDecimal> marks, int quorum, BigDecimal spread,
                                    List<AspectFlag> flags, int round) {
        return new AspectResult(aspect.id(), aspect.type(), AspectStatus.INCOMPLETE, null, marks, quorum, spread,
                sorted(flags), null, BigDecimal.ZERO, round);
    }

    private static List<AspectFlag> sorted(List<AspectFlag> flags) {
        return flags.stream().sorted(Comparator.naturalOrder()).toList();
    }
}
