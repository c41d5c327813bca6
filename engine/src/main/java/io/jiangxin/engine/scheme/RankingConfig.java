package io.jiangxin.engine.scheme;

import java.io.Serializable;
import java.util.List;

/**
 * How an event ranks entries: total (higher first), then {@code tieBreaks} in order, then the tie stands.
 *
 * @param tieBreaks          the chain after the total
 * @param noTiesWithinPlaces 排名不并列 for the first N places: a tie still standing after the chain whose
 *                           shared rank is within these places is broken by entry id (ascending, i.e. the
 *                           entry code drawn by lot) and reported; 0 turns it off
 */
public record RankingConfig(List<TieBreak> tieBreaks, int noTiesWithinPlaces) implements Serializable {

    public RankingConfig {
        tieBreaks = List.copyOf(tieBreaks);
    }

    public static RankingConfig totalOnly() {
        return new RankingConfig(List.of(), 0);
    }
}
