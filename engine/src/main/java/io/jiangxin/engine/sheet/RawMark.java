package io.jiangxin.engine.sheet;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One judge's mark on one aspect. For a measurement aspect the mark is the agreed value (or, for
 * {@code MeasurementKind.DEDUCTION}, the amount deducted).
 *
 * @param markingRound 0 for first marks; re-marks requested by the head judge carry the request's round
 */
public record RawMark(String aspectId, String judgeId, BigDecimal value, int markingRound) {

    public RawMark {
        Objects.requireNonNull(aspectId, "aspectId");
        Objects.requireNonNull(judgeId, "judgeId");
        Objects.requireNonNull(value, "value");
    }

    public RawMark(String aspectId, String judgeId, BigDecimal value) {
        this(aspectId, judgeId, value, 0);
    }

    public static RawMark of(String aspectId, String judgeId, String value) {
        return new RawMark(aspectId, judgeId, io.jiangxin.engine.numeric.StrictDecimal.parse(value));
    }
}
