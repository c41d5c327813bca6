package io.jiangxin.engine.awards;

import io.jiangxin.engine.scheme.AdvancementRule;
import io.jiangxin.engine.ranking.RankedEntry;
import io.jiangxin.engine.ranking.RankingResult;

import java.util.List;

/**
 * 晋级: entries whose rank is at most N. With standard competition ranking this is exactly "the top N plus
 * everyone tied at the cutoff" (ranks 1..29, 30, 30, 30 all advance with N = 30). A threshold ({@code minScore})
 * takes every ranked entry whose ranking score reaches it; tied entries have the same score, so ties never split.
 */
public final class Advancement {

    private Advancement() {
    }

    /** @return advancing entry ids in ranking order */
    public static List<String> select(RankingResult ranking, AdvancementRule rule) {
        return ranking.entries().stream()
                .filter(e -> e.rank() != null && (rule.topN() == null || e.rank() <= rule.topN()))
                .filter(e -> rule.minScore() == null || e.sheet().rankingScore().compareTo(rule.minScore()) >= 0)
                .filter(e -> !rule.requirePass() || Boolean.TRUE.equals(e.sheet().passed()))
                .map(RankedEntry::entryId)
                .toList();
    }
}
