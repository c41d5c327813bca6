package io.jiangxin.ladder.quota;

import java.util.Objects;

/** One slot taken: a person named (or about to be named) with the trade and employer the quotas count by. */
public record QuotaClaim(String personId, String trade, String organizationId, String nominationId) {

    public QuotaClaim {
        Objects.requireNonNull(personId, "personId");
    }
}
