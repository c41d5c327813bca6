package io.jiangxin.ladder.rules;

import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.ContestClass;
import io.jiangxin.ladder.Level;
import io.jiangxin.ladder.posting.ContestResult;

import java.util.Objects;

/**
 * Which results count: a level, a class ({@code null} = any class), and either a best rank (top N) or an
 * award code (e.g. FIRST_PRIZE), or both. Dezhou: NATIONAL top 10, PROVINCE FIRST top 8, CITY SECOND top 1.
 */
public record ResultBand(Level level, ContestClass contestClass, Integer bestRank, String award) {

    public ResultBand {
        Objects.requireNonNull(level, "level");
        if (bestRank == null && (award == null || award.isBlank())) {
            throw new IllegalArgumentException("a result band needs a best rank or an award");
        }
    }

    public boolean matches(ContestResult result) {
        return result.level() == level
                && (contestClass == null || result.contestClass() == contestClass)
                && (bestRank == null || result.rank() <= bestRank)
                && (award == null || award.isBlank() || award.equals(result.award()));
    }

    public BilingualText describe() {
        BilingualText where = ContestClass.describe(level, contestClass);
        String zh = where.zh();
        String en = where.en();
        if (bestRank != null) {
            zh += bestRank == 1 ? "第 1 名" : "前 " + bestRank + " 名";
            en += bestRank == 1 ? " 1st" : " top " + bestRank;
        }
        if (award != null && !award.isBlank()) {
            zh += " " + award;
            en += " " + award;
        }
        return BilingualText.of(zh, en);
    }
}
