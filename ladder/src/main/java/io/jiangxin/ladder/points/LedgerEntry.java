package io.jiangxin.ladder.points;

import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.Points;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One immutable line of a person's points ledger (积分台账).
 *
 * <ul>
 *   <li>{@code sourceKey} is deterministic, derived from the evidence (e.g.
 *       {@code contest/E-7/P-1/rev-0}); the ledger accepts a key once, which makes posting idempotent.
 *       The server should store it under a unique index.</li>
 *   <li>{@code effectiveOn} is the date of the evidence (the contest day); look-back windows use it.</li>
 *   <li>{@code recordedOn} is the day the entry was posted; a standing "as of" a date only sees entries
 *       recorded by then, so a past standing can be reproduced after later corrections.</li>
 *   <li>A correction is a counter-entry: {@code reverses} names the key of the entry it cancels and
 *       {@code points} is that entry's points negated. Only counter-entries are negative.</li>
 * </ul>
 */
public record LedgerEntry(String sourceKey, String personId, String category, BigDecimal points,
                          LocalDate effectiveOn, LocalDate recordedOn, Evidence evidence, String reverses,
                          BilingualText note) {

    public LedgerEntry {
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(effectiveOn, "effectiveOn");
        Objects.requireNonNull(recordedOn, "recordedOn");
        Objects.requireNonNull(evidence, "evidence");
        points = Points.of(Objects.requireNonNull(points, "points"));
        if (reverses == null && points.signum() < 0) {
            throw new IllegalArgumentException("only a counter-entry may be negative: " + sourceKey);
        }
    }

    /** A new entry (not a correction). */
    public static LedgerEntry of(String sourceKey, String personId, String category, BigDecimal points,
                                 LocalDate effectiveOn, LocalDate recordedOn, Evidence evidence, BilingualText note) {
        return new LedgerEntry(sourceKey, personId, category, points, effectiveOn, recordedOn, evidence, null, note);
    }

    public boolean isCounterEntry() {
        return reverses != null;
    }

    /** The counter-entry that cancels this one, recorded on {@code recordedOn} for {@code why}. */
    public LedgerEntry reversal(LocalDate recordedOn, BilingualText why) {
        if (isCounterEntry()) {
            throw new IllegalStateException("a counter-entry is not reversed again: " + sourceKey);
        }
        return new LedgerEntry("reversal/" + sourceKey, personId, category, points.negate(), effectiveOn,
                recordedOn, evidence, sourceKey, why);
    }
}
