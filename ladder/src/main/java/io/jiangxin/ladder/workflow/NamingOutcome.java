package io.jiangxin.ladder.workflow;

import io.jiangxin.ladder.quota.QuotaLedger;

/** A named nomination together with the quota ledger that now includes its slot; store both in one transaction. */
public record NamingOutcome(Nomination nomination, QuotaLedger quota) {
}
