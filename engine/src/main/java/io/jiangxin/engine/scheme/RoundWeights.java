package io.jiangxin.engine.scheme;

import java.math.BigDecimal;
import java.util.List;

/**
 * Combining rounds, e.g. preliminary 30% + final 70%. {@code currentRound} is the round this scheme
 * marks; the other rounds' totals come with each entry.
 */
public record RoundWeights(String currentRound, List<RoundWeight> weights) {

    public RoundWeights {
        weights = List.copyOf(weights);
    }

    public record RoundWeight(String roundId, BigDecimal weight) {
    }
}
