package io.jiangxin.engine.ranking;

import io.jiangxin.engine.sheet.SheetResult;

/**
 * An entry in a ranking.
 *
 * @param rank               standard competition rank, or {@code null} when disqualified
 * @param tied               shares its rank with another entry
 * @param tieBrokenByFinalKey its place was decided by entry id inside the no-ties places
 * @param key                its rank key, or {@code null} when disqualified
 */
public record RankedEntry(SheetResult sheet, Integer rank, boolean tied, boolean tieBrokenByFinalKey, RankKey key) {

    public String entryId() {
        return sheet.entryId();
    }
}
