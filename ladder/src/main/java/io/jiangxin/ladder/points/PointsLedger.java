package io.jiangxin.ladder.points;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable set of ledger entries keyed by source key, held in a canonical order (recorded date, then
 * key) whatever order they were given in. {@link #append} skips entries whose key is already present, so
 * replaying a posting is harmless; it refuses a counter-entry for an unknown or already reversed entry.
 */
public final class PointsLedger {

    private static final Comparator<LedgerEntry> CANONICAL =
            Comparator.comparing(LedgerEntry::recordedOn).thenComparing(LedgerEntry::sourceKey);

    private final Map<String, LedgerEntry> byKey;

    private PointsLedger(Map<String, LedgerEntry> byKey) {
        this.byKey = byKey;
    }

    public static PointsLedger empty() {
        return new PointsLedger(new LinkedHashMap<>());
    }

    public static PointsLedger of(Collection<LedgerEntry> entries) {
        return empty().append(entries);
    }

    public PointsLedger append(Collection<LedgerEntry> entries) {
        Map<String, LedgerEntry> next = new LinkedHashMap<>(byKey);
        // Originals before counter-entries, so a batch may carry both (an appeal's reversal and its original).
        List<LedgerEntry> sorted = entries.stream()
                .sorted(Comparator.comparing(LedgerEntry::isCounterEntry).thenComparing(CANONICAL)).toList();
        for (LedgerEntry entry : sorted) {
            if (next.containsKey(entry.sourceKey())) {
                continue;
            }
            if (entry.isCounterEntry()) {
                LedgerEntry original = next.get(entry.reverses());
                if (original == null) {
                    throw new IllegalArgumentException("counter-entry " + entry.sourceKey() + " reverses unknown " + entry.reverses());
                }
                if (!original.points().negate().equals(entry.points())) {
                    throw new IllegalArgumentException("counter-entry " + entry.sourceKey() + " must negate " + original.points());
                }
            }
            next.put(entry.sourceKey(), entry);
        }
        return new PointsLedger(next);
    }

    public boolean contains(String sourceKey) {
        return byKey.containsKey(sourceKey);
    }

    public Optional<LedgerEntry> entry(String sourceKey) {
        return Optional.ofNullable(byKey.get(sourceKey));
    }

    public boolean isReversed(String sourceKey) {
        return byKey.containsKey("reversal/" + sourceKey);
    }

    /** Every entry in canonical order. */
    public List<LedgerEntry> entries() {
        List<LedgerEntry> all = new ArrayList<>(byKey.values());
        all.sort(CANONICAL);
        return List.copyOf(all);
    }

    /** Entries not counter-entries and not reversed: what currently stands. */
    public List<LedgerEntry> standingEntries() {
        return entries().stream().filter(e -> !e.isCounterEntry() && !isReversed(e.sourceKey())).toList();
    }
}
