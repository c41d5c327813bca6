package io.jiangxin.engine.ranking;

import java.util.List;
import java.util.Optional;

/**
 * A full ranking: ranked entries in rank order (ties by entry id), then disqualified entries by entry id.
 *
 * @param rankedCount number of entries with a rank (the "entrants" for fraction-based awards)
 */
public record RankingResult(List<RankedEntry> entries, int rankedCount) {

    public RankingResult {
        entries = List.copyOf(entries);
    }

    public Optional<RankedEntry> entry(String entryId) {
        return entries.stream().filter(e -> e.entryId().equals(entryId)).findFirst();
    }
}
