package io.jiangxin.ladder.quota;

import io.jiangxin.ladder.BilingualText;

/**
 * A claim beyond a quota. The server turns it into 409 Conflict with {@link #reason()} as the message.
 */
public final class QuotaRefusedException extends RuntimeException {

    private final String code;
    private final BilingualText reason;

    public QuotaRefusedException(String code, BilingualText reason) {
        super(reason.toString());
        this.code = code;
        this.reason = reason;
    }

    /** QUOTA_YEAR_FULL, QUOTA_TRADE_FULL or QUOTA_ORGANIZATION_FULL. */
    public String code() {
        return code;
    }

    public BilingualText reason() {
        return reason;
    }
}
