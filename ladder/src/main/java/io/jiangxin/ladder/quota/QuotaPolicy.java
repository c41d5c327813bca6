package io.jiangxin.ladder.quota;

/**
 * How many people a title may name in one year: in all, per trade, and per employer organization.
 * Any limit may be {@code null} (no limit). Dezhou 首席技师: perYear 20, perTrade 4.
 */
public record QuotaPolicy(Integer perYear, Integer perTrade, Integer perOrganization) {

    public static final QuotaPolicy UNLIMITED = new QuotaPolicy(null, null, null);

    public QuotaPolicy {
        for (Integer limit : new Integer[] {perYear, perTrade, perOrganization}) {
            if (limit != null && limit < 0) {
                throw new IllegalArgumentException("a quota must not be negative");
            }
        }
    }
}
