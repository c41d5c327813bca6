package io.jiangxin.ladder.quota;

import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.Refusal;

/**
 * A claim beyond a quota. The server turns it into 409 Conflict with {@link #reason()} as the message;
 * {@link #code()} is QUOTA_YEAR_FULL, QUOTA_TRADE_FULL or QUOTA_ORGANIZATION_FULL.
 */
public final class QuotaRefusedException extends Refusal {

    public QuotaRefusedException(String code, BilingualText reason) {
        super(reason.toString(), code, reason);
    }
}
