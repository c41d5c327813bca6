package io.jiangxin.engine.awards;

import io.jiangxin.engine.scheme.AwardBand;
import io.jiangxin.engine.scheme.AwardCriterion;
import io.jiangxin.engine.ranking.RankedEntry;
import io.jiangxin.engine.ranking.RankingResult;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives each ranked entry the first award band it qualifies for, in the configured order. Because ranks
 * follow standard competition ranking, tied entries share a medal and the next medal is skipped
 * (WorldSkills: two golds means no silver, the next entry is rank 3 and gets bronze). Listing medals before
 * 优胜奖 (top half) makes the merit award go to those ranked after the medals. Disqualified entries get none.
 */
public final class Awards {

    private Awards() {
    }

    /** @return entry id → award, in ranking order; entries without an award are absent */
    public static Map<String, AwardBand> assign(RankingResult ranking, List<AwardBand> bands) {
        Map<String, AwardBand> awards = new LinkedHashMap<>();
        BigDecimal entrants = BigDecimal.valueOf(ranking.rankedCount());
        for (RankedEntry entry : ranking.entries()) {
            if (entry.rank() == null) {
                continue;
            }
            for (AwardBand band : bands) {
                if (qualifies(entry, band.criterion(), entrants)) {
                    awards.put(entry.entryId(), band);
                    break;
                }
            }
        }
        return awards;
    }

    private static boolean qualifies(RankedEntry entry, AwardCriterion criterion, BigDecimal entrants) {
        int rank = entry.rank();
        if (criterion instanceof AwardCriterion.Places places) {
            return rank >= places.from() && rank <= places.to();
        }
        if (criterion instanceof AwardCriterion.TopFraction top) {
            return BigDecimal.valueOf(rank).compareTo(top.fraction().multiply(entrants)) <= 0;
        }
        return Boolean.TRUE.equals(entry.sheet().passed());
    }
}
