package io.jiangxin.ladder.points;

import io.jiangxin.ladder.BilingualText;

import java.math.BigDecimal;

/** One ledger entry's part in a standing: how much of it counted, and why. */
public record EntryVerdict(LedgerEntry entry, VerdictKind kind, BigDecimal counted, BilingualText reason) {
}
