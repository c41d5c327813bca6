package io.jiangxin.engine.sheet;

import io.jiangxin.engine.scheme.AspectType;

import java.math.BigDecimal;
import java.util.List;
import java.util.SortedMap;

/**
 * One aspect of one sheet.
 *
 * @param value          the aspect's value in aspect units, rounded; {@code null} when {@link AspectStatus#INCOMPLETE}
 * @param countedMarks   judge id → mark, only the marks of the current marking round (sorted by judge id)
 * @param quorum         the number of marks required
 * @param spread         highest − lowest counted mark, or {@code null} with no marks
 * @param flags          in declaration order of {@link AspectFlag}
 * @param overrideReason the head judge's reason when overridden
 * @param deducted       points deducted (deduction aspects and measurement deductions), else zero
 * @param markingRound   0, or the latest re-mark round requested
 */
public record AspectResult(String aspectId, AspectType type, AspectStatus status, BigDecimal value,
                           SortedMap<String, BigDecimal> countedMarks, int quorum, BigDecimal spread,
                           List<AspectFlag> flags, String overrideReason, BigDecimal deducted, int markingRound) {

    public AspectResult {
        flags = List.copyOf(flags);
    }

    public boolean isComplete() {
        return status != AspectStatus.INCOMPLETE;
    }

    public boolean hasFlag(AspectFlag flag) {
        return flags.contains(flag);
    }
}
