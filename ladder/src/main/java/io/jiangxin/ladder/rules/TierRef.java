package io.jiangxin.ladder.rules;

import java.util.Objects;

/** A tier of a named ladder, e.g. {@code weifang-qzjyc / yijia}. */
public record TierRef(String ladderId, String tierCode) {

    public TierRef {
        Objects.requireNonNull(ladderId, "ladderId");
        Objects.requireNonNull(tierCode, "tierCode");
    }
}
