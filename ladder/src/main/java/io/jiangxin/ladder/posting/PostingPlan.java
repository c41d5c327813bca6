package io.jiangxin.ladder.posting;

import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.points.LedgerEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * What a posting would append to the ledger: counter-entries first, then new entries, and a note saying
 * why (including "nothing to do"). The server appends {@link #entries()} in one transaction.
 */
public record PostingPlan(List<LedgerEntry> reversals, List<LedgerEntry> additions, BilingualText note) {

    public PostingPlan {
        reversals = List.copyOf(reversals);
        additions = List.copyOf(additions);
    }

    public static PostingPlan nothing(BilingualText why) {
        return new PostingPlan(List.of(), List.of(), why);
    }

    public List<LedgerEntry> entries() {
        List<LedgerEntry> all = new ArrayList<>(reversals);
        all.addAll(additions);
        return List.copyOf(all);
    }

    public boolean isEmpty() {
        return reversals.isEmpty() && additions.isEmpty();
    }
}
