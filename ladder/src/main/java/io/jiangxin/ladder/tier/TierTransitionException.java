package io.jiangxin.ladder.tier;

import io.jiangxin.ladder.BilingualText;

/** A tier change that would break the history's rules; the reason is user-facing. */
public final class TierTransitionException extends RuntimeException {

    private final BilingualText reason;

    public TierTransitionException(BilingualText reason) {
        super(reason.toString());
        this.reason = reason;
    }

    public BilingualText reason() {
        return reason;
    }
}
