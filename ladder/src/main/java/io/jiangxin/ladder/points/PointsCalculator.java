package io.jiangxin.ladder.points;

import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.Points;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Computes a person's {@link Standing} as of a date. Pure and order-independent: entries are sorted by
 * effective date, then source key, before anything is decided.
 *
 * <p>For each category of the scheme, in this order:
 * <ol>
 *   <li>entries recorded or effective after the as-of date are not visible yet;</li>
 *   <li>a visible counter-entry cancels the entry it reverses; both are listed, neither counts;</li>
 *   <li>the category's look-back window (and the caller's overall window, if any) drops older entries;</li>
 *   <li>"highest only" keeps the single highest entry (ties: earlier effective date, then key);</li>
 *   <li>the cap is filled in date order; the entry that reaches it counts in part, later ones not at all.</li>
 * </ol>
 * The total is the sum of the categories, limited by the scheme's total cap.
 */
public final class PointsCalculator {

    private static final Comparator<LedgerEntry> BY_DATE_THEN_KEY =
            Comparator.comparing(LedgerEntry::effectiveOn).thenComparing(LedgerEntry::sourceKey);

    /** The standing under the scheme's own windows. */
    public Standing standing(String personId, Collection<LedgerEntry> entries, PointsScheme scheme, LocalDate asOf) {
        return standing(personId, entries, scheme, asOf, null);
    }

    /**
     * The standing with an extra overall look-back window (e.g. a promotion rule's "80 points within the
     * last 3 years"); {@code overallWindowYears} {@code null} means none.
     */
    public Standing standing(String personId, Collection<LedgerEntry> entries, PointsScheme scheme, LocalDate asOf,
                             Integer overallWindowYears) {
        List<LedgerEntry> own = entries.stream().filter(e -> e.personId().equals(personId))
                .sorted(BY_DATE_THEN_KEY).toList();
        Map<String, String> reversedBy = new HashMap<>();
        for (LedgerEntry entry : own) {
            if (entry.isCounterEntry() && visible(entry, asOf)) {
                reversedBy.put(entry.reverses(), entry.sourceKey());
            }
        }
        Set<String> known = scheme.categories().stream().map(CategoryRule::code).collect(Collectors.toSet());
        List<CategoryStanding> categories = new ArrayList<>();
        for (CategoryRule rule : scheme.categories()) {
            List<LedgerEntry> inCategory = own.stream().filter(e -> e.category().equals(rule.code())).toList();
            categories.add(category(rule, inCategory, reversedBy, asOf, overallWindowYears));
        }
        List<EntryVerdict> uncategorised = own.stream().filter(e -> !known.contains(e.category()))
                .map(e -> new EntryVerdict(e, VerdictKind.EXCLUDED, Points.ZERO, BilingualText.of(
                        "方案 " + scheme.schemeId() + " 无类别 " + e.category(),
                        "scheme " + scheme.schemeId() + " has no category " + e.category())))
                .toList();
        BigDecimal subtotal = categories.stream().map(CategoryStanding::counted).reduce(Points.ZERO, BigDecimal::add);
        BigDecimal total = subtotal;
        BilingualText note = BilingualText.of("合计 " + Points.format(subtotal), "total " + Points.format(subtotal));
        if (scheme.totalCap() != null && subtotal.compareTo(scheme.totalCap()) > 0) {
            total = Points.of(scheme.totalCap());
            note = BilingualText.of("合计 " + Points.format(subtotal) + "，封顶 " + Points.format(total),
                    "total " + Points.format(subtotal) + ", capped at " + Points.format(total));
        }
        return new Standing(personId, scheme.schemeId(), scheme.version(), asOf, categories, uncategorised,
                subtotal, total, note);
    }

    private CategoryStanding category(CategoryRule rule, List<LedgerEntry> entries, Map<String, String> reversedBy,
                                      LocalDate asOf, Integer overallWindowYears) {
        Map<String, EntryVerdict> verdicts = new HashMap<>();
        List<LedgerEntry> eligible = new ArrayList<>();
        BigDecimal raw = Points.ZERO;
        for (LedgerEntry entry : entries) {
            BilingualText exclusion = exclusion(entry, rule, reversedBy, asOf, overallWindowYears);
            if (visible(entry, asOf)) {
                raw = raw.add(entry.points());
            }
            if (exclusion != null) {
                verdicts.put(entry.sourceKey(), excluded(entry, exclusion));
            } else {
                eligible.add(entry);
            }
        }
        if (rule.highestOnly() && eligible.size() > 1) {
            LedgerEntry best = eligible.stream().min(Comparator.comparing(LedgerEntry::points).reversed()
                    .thenComparing(BY_DATE_THEN_KEY)).orElseThrow();
            for (LedgerEntry entry : eligible) {
                if (entry != best) {
                    verdicts.put(entry.sourceKey(), excluded(entry, BilingualText.of(
                            "仅计最高一项：已计 " + best.evidence().describe().zh() + " " + Points.format(best.points()) + " 分",
                            "highest award only: counted " + best.evidence().describe().en() + " ("
                                    + Points.format(best.points()) + ")")));
                }
            }
            eligible = List.of(best);
        }
        BigDecimal counted = Points.ZERO;
        for (LedgerEntry entry : eligible) {
            EntryVerdict verdict = fill(entry, rule, counted);
            counted = counted.add(verdict.counted());
            verdicts.put(entry.sourceKey(), verdict);
        }
        List<EntryVerdict> ordered = entries.stream().map(e -> verdicts.get(e.sourceKey())).toList();
        return new CategoryStanding(rule.code(), rule.name(), raw, counted, rule.cap(), ordered);
    }

    private static BilingualText exclusion(LedgerEntry entry, CategoryRule rule, Map<String, String> reversedBy,
                                           LocalDate asOf, Integer overallWindowYears) {
        if (entry.recordedOn().isAfter(asOf)) {
            return BilingualText.of("记账日期 " + entry.recordedOn() + " 晚于 " + asOf,
                    "recorded on " + entry.recordedOn() + ", after " + asOf);
        }
        if (entry.effectiveOn().isAfter(asOf)) {
            return BilingualText.of("生效日期 " + entry.effectiveOn() + " 晚于 " + asOf,
                    "effective on " + entry.effectiveOn() + ", after " + asOf);
        }
        if (entry.isCounterEntry()) {
            return BilingualText.of("冲销分录，抵消 " + entry.reverses(), "counter-entry cancelling " + entry.reverses());
        }
        if (reversedBy.containsKey(entry.sourceKey())) {
            return BilingualText.of("已被冲销（" + reversedBy.get(entry.sourceKey()) + "）",
                    "reversed by " + reversedBy.get(entry.sourceKey()));
        }
        if (rule.windowYears() != null && outside(entry, asOf, rule.windowYears())) {
            return windowText(entry, asOf, rule.windowYears(), "");
        }
        if (overallWindowYears != null && outside(entry, asOf, overallWindowYears)) {
            return windowText(entry, asOf, overallWindowYears, "规则");
        }
        return null;
    }

    private static boolean outside(LedgerEntry entry, LocalDate asOf, int years) {
        return entry.effectiveOn().isBefore(asOf.minusYears(years));
    }

    private static BilingualText windowText(LedgerEntry entry, LocalDate asOf, int years, String whose) {
        LocalDate start = asOf.minusYears(years);
        return BilingualText.of(
                "不在" + whose + "近 " + years + " 年内：" + entry.effectiveOn() + " 早于 " + start,
                "outside the " + (whose.isEmpty() ? "" : "rule's ") + years + "-year window: "
                        + entry.effectiveOn() + " is before " + start);
    }

    private static EntryVerdict fill(LedgerEntry entry, CategoryRule rule, BigDecimal countedSoFar) {
        String points = Points.format(entry.points());
        if (rule.cap() == null || countedSoFar.add(entry.points()).compareTo(rule.cap()) <= 0) {
            return new EntryVerdict(entry, VerdictKind.COUNTED, entry.points(),
                    BilingualText.of("计入 " + points + " 分", points + " counted"));
        }
        BigDecimal room = Points.of(rule.cap().subtract(countedSoFar));
        String cap = Points.format(rule.cap());
        if (room.signum() > 0) {
            return new EntryVerdict(entry, VerdictKind.PARTLY_COUNTED, room, BilingualText.of(
                    "计入 " + Points.format(room) + "/" + points + " 分，达到封顶 " + cap,
                    Points.format(room) + " of " + points + " counted, cap " + cap + " reached"));
        }
        return excluded(entry, BilingualText.of("已达封顶 " + cap, "cap " + cap + " already reached"));
    }

    private static EntryVerdict excluded(LedgerEntry entry, BilingualText why) {
        return new EntryVerdict(entry, VerdictKind.EXCLUDED, Points.ZERO, why);
    }

    private static boolean visible(LedgerEntry entry, LocalDate asOf) {
        return !entry.recordedOn().isAfter(asOf) && !entry.effectiveOn().isAfter(asOf);
    }
}
