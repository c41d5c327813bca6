package io.jiangxin.engine.scheme;

import io.jiangxin.engine.numeric.Decimals;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The smallest marked item (评分项).
 *
 * @param id              unique within the scheme; marks refer to aspects by this id
 * @param descriptionZh   what is marked, in Chinese
 * @param descriptionEn   what is marked, in English
 * @param type            how the value is obtained
 * @param measurementKind for {@link AspectType#MEASUREMENT} only, otherwise {@code null}
 * @param maximum         the most this aspect contributes to its module
 * @param step            granularity of marks (and of overrides); must divide the maximum
 * @param markScale       for judgement aspects marked on their own range (e.g. 0–3), otherwise {@code null}
 * @param aggregation     judgement only; {@code null} inherits {@link PanelDefaults#aggregation()}
 * @param quorum          {@code null} inherits the default (judgement) or 1 (measurement)
 * @param spreadLimit     judgement only; {@code null} inherits {@link PanelDefaults#spreadLimit()}
 */
public record Aspect(String id, String descriptionZh, String descriptionEn, AspectType type,
                     MeasurementKind measurementKind, BigDecimal maximum, BigDecimal step, MarkScale markScale,
                     AggregationRule aggregation, Integer quorum, SpreadLimit spreadLimit) {

    public Aspect {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(maximum, "maximum");
        Objects.requireNonNull(step, "step");
    }

    public static Aspect judgement(String id, String zh, String en, BigDecimal maximum, BigDecimal step) {
        return new Aspect(id, zh, en, AspectType.JUDGEMENT, null, maximum, step, null, null, null, null);
    }

    public static Aspect measurement(String id, String zh, String en, MeasurementKind kind,
                                     BigDecimal maximum, BigDecimal step) {
        return new Aspect(id, zh, en, AspectType.MEASUREMENT, kind, maximum, step, null, null, null, null);
    }

    public static Aspect deduction(String id, String zh, String en, BigDecimal maximum, BigDecimal step) {
        return new Aspect(id, zh, en, AspectType.DEDUCTION, null, maximum, step, null, null, null, null);
    }

    public Aspect withAggregation(AggregationRule rule) {
        return new Aspect(id, descriptionZh, descriptionEn, type, measurementKind, maximum, step, markScale,
                rule, quorum, spreadLimit);
    }

    public Aspect withQuorum(Integer newQuorum) {
        return new Aspect(id, descriptionZh, descriptionEn, type, measurementKind, maximum, step, markScale,
                aggregation, newQuorum, spreadLimit);
    }

    public Aspect withSpreadLimit(SpreadLimit limit) {
        return new Aspect(id, descriptionZh, descriptionEn, type, measurementKind, maximum, step, markScale,
                aggregation, quorum, limit);
    }

    public Aspect withMarkScale(MarkScale scale) {
        return new Aspect(id, descriptionZh, descriptionEn, type, measurementKind, maximum, step, scale,
                aggregation, quorum, spreadLimit);
    }

    /** The top of the range judges mark on: the mark scale's maximum if set, else the aspect maximum. */
    public BigDecimal scaleMaximum() {
        return markScale != null ? markScale.maximum() : maximum;
    }

    /** The step judges mark in. */
    public BigDecimal scaleStep() {
        return markScale != null ? markScale.step() : step;
    }

    /**
     * Checks one judge's raw mark for this aspect: range, step, and for yes/no only 0 or the maximum.
     *
     * @return empty when acceptable, otherwise the reason in Chinese and English
     */
    public Optional<MarkRejection> checkMark(BigDecimal mark) {
        if (mark == null) {
            return Optional.of(new MarkRejection("MARK_MISSING", "缺少分值", "the mark is missing"));
        }
        if (type == AspectType.DEDUCTION) {
            return Optional.of(new MarkRejection("DEDUCTION_TAKES_VIOLATIONS",
                    "扣分项不接受评分,请记录违规", "a deduction aspect takes recorded violations, not marks"));
        }
        if (type == AspectType.MEASUREMENT && measurementKind == MeasurementKind.YES_NO) {
            if (mark.signum() == 0 || mark.compareTo(maximum) == 0) {
                return Optional.empty();
            }
            return Optional.of(new MarkRejection("NOT_YES_NO",
                    "是否项只能为 0 或满分 " + Decimals.plain(maximum),
                    "a yes/no aspect takes only 0 or the maximum " + Decimals.plain(maximum)));
        }
        return checkRange(mark, scaleMaximum(), scaleStep());
    }

    /**
     * Checks a value in aspect units, as a head judge's override is given: 0 to the maximum on the step.
     */
    public Optional<MarkRejection> checkValue(BigDecimal value) {
        if (value == null) {
            return Optional.of(new MarkRejection("VALUE_MISSING", "缺少分值", "the value is missing"));
        }
        return checkRange(value, maximum, step);
    }

    private static Optional<MarkRejection> checkRange(BigDecimal mark, BigDecimal top, BigDecimal step) {
        if (mark.signum() < 0 || mark.compareTo(top) > 0) {
            return Optional.of(new MarkRejection("OUT_OF_RANGE",
                    "分值 " + Decimals.plain(mark) + " 超出范围 0–" + Decimals.plain(top),
                    "mark " + Decimals.plain(mark) + " is outside 0–" + Decimals.plain(top)));
        }
        if (!Decimals.isMultipleOf(mark, step)) {
            return Optional.of(new MarkRejection("OFF_STEP",
                    "分值 " + Decimals.plain(mark) + " 不是步长 " + Decimals.plain(step) + " 的整数倍",
                    "mark " + Decimals.plain(mark) + " is not a multiple of the step " + Decimals.plain(step)));
        }
        return Optional.empty();
    }
}
