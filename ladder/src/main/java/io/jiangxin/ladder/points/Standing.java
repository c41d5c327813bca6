package io.jiangxin.ladder.points;

import io.jiangxin.ladder.BilingualText;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A person's points as of a date under one scheme, with the explanation: each category's raw and counted
 * points and a verdict for every entry. {@code uncategorised} holds entries whose category the scheme does
 * not have (they never count, and are listed so nothing disappears silently).
 */
public record Standing(String personId, String schemeId, int schemeVersion, LocalDate asOf,
                       List<CategoryStanding> categories, List<EntryVerdict> uncategorised,
                       BigDecimal subtotal, BigDecimal total, BilingualText totalNote) {

    public Standing {
        categories = List.copyOf(categories);
        uncategorised = List.copyOf(uncategorised);
    }

    public Optional<CategoryStanding> category(String code) {
        return categories.stream().filter(c -> c.category().equals(code)).findFirst();
    }

    /** Every verdict that counted something, in category order. */
    public List<EntryVerdict> countedVerdicts() {
        return categories.stream().flatMap(c -> c.verdicts().stream())
                .filter(v -> v.kind() != VerdictKind.EXCLUDED).toList();
    }
}
