package io.jiangxin.engine.scheme;

import java.math.BigDecimal;

/** How far apart the panel's marks on one aspect may be before the head judge must resolve them. */
public sealed interface SpreadLimit {

    /** The largest allowed spread (highest − lowest), in the units judges mark in. */
    BigDecimal limitFor(BigDecimal scaleMaximum);

    /** An absolute spread in mark units, e.g. 1 on a 0–3 scale. */
    record Absolute(BigDecimal maxSpread) implements SpreadLimit {
        @Override
        public BigDecimal limitFor(BigDecimal scaleMaximum) {
            return maxSpread;
        }
    }

    /** A spread as a percentage of the marking scale, so one default fits 0–3 and 0–10 aspects. */
    record PercentOfScale(BigDecimal percent) implements SpreadLimit {
        @Override
        public BigDecimal limitFor(BigDecimal scaleMaximum) {
            return scaleMaximum.multiply(percent).movePointLeft(2);
        }
    }
}
