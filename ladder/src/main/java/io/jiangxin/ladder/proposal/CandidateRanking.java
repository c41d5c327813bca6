package io.jiangxin.ladder.proposal;

import io.jiangxin.ladder.rules.Eligibility;
import io.jiangxin.ladder.rules.Route;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * The order in which eligible candidates take quota slots, documented because it decides who is waitlisted:
 * <ol>
 *   <li>direct qualification (a shortcut) before qualification by requirements;</li>
 *   <li>more points first;</li>
 *   <li>earlier qualifying date first (undated last);</li>
 *   <li>person id, ascending, so the order is total and never depends on input order.</li>
 * </ol>
 */
final class CandidateRanking {

    record Ranked(String personId, Eligibility eligibility) {
    }

    static final Comparator<Ranked> ORDER = Comparator
            .comparing((Ranked r) -> r.eligibility().route() == Route.SHORTCUT ? 0 : 1)
            .thenComparing((Ranked r) -> r.eligibility().points(), Comparator.reverseOrder())
            .thenComparing((Ranked r) -> r.eligibility().qualifyingDate(), Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
            .thenComparing(Ranked::personId);

    private CandidateRanking() {
    }
}
