package io.jiangxin.engine.scheme;

import java.math.BigDecimal;

/** Who qualifies for an award band. Bands are tried in the configured order; the first match wins. */
public sealed interface AwardCriterion {

    /** Ranks {@code from}..{@code to} inclusive; ties share the band and the next places are skipped. */
    record Places(int from, int to) implements AwardCriterion {
    }

    /** Rank within the top {@code fraction} of ranked entrants (rank ≤ fraction × count), e.g. 0.5 for 优胜奖. */
    record TopFraction(BigDecimal fraction) implements AwardCriterion {
    }

    /** The entry passed (overall and per-part pass marks). */
    record Passed() implements AwardCriterion {
    }
}
