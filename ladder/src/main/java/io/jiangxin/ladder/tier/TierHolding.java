package io.jiangxin.ladder.tier;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One period during which a person held a tier: from {@code start} (inclusive) to {@code end} (exclusive,
 * {@code null} while still held). {@code basis} points at what granted it, e.g. the nomination id.
 */
public record TierHolding(String tierCode, LocalDate start, LocalDate end, String basis) {

    public TierHolding {
        Objects.requireNonNull(tierCode, "tierCode");
        Objects.requireNonNull(start, "start");
        if (end != null && !end.isAfter(start)) {
            throw new IllegalArgumentException("a holding must end after it starts: " + start + " → " + end);
        }
    }

    public boolean heldOn(LocalDate date) {
        return !date.isBefore(start) && (end == null || date.isBefore(end));
    }

    TierHolding endedOn(LocalDate date) {
        return new TierHolding(tierCode, start, date, basis);
    }
}
