package io.jiangxin.engine.ranking;

import io.jiangxin.engine.scheme.RankingConfig;
import io.jiangxin.engine.sheet.SheetResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Full re-sort of an event: total (ranking score) higher first, then the tie-break chain, then the tie
 * stands, except inside the no-ties places where entry id decides (reported on the entry). Disqualified
 * entries get no rank. Incomplete sheets are ranked on their provisional totals (see
 * {@link SheetResult#complete()}).
 */
public final class Ranking {

    private Ranking() {
    }

    /** @throws IllegalArgumentException if an entry id appears twice */
    public static RankingResult rank(List<SheetResult> sheets, RankingConfig config) {
        Placements.requireUnique(sheets.stream().map(SheetResult::entryId).toList());
        Map<String, SheetResult> byId = new LinkedHashMap<>();
        Map<String, RankKey> keys = new LinkedHashMap<>();
        List<SheetResult> disqualified = new ArrayList<>();
        for (SheetResult sheet : sheets) {
            if (sheet.disqualified()) {
                disqualified.add(sheet);
            } else {
                byId.put(sheet.entryId(), sheet);
                keys.put(sheet.entryId(), RankKeys.of(sheet, config));
            }
        }
        List<RankedEntry> entries = new ArrayList<>();
        for (Placement p : Placements.place(keys, config.noTiesWithinPlaces())) {
            entries.add(new RankedEntry(byId.get(p.entryId()), p.rank(), p.tied(), p.brokenByFinalKey(), p.key()));
        }
        disqualified.sort(Comparator.comparing(SheetResult::entryId));
        for (SheetResult sheet : disqualified) {
            entries.add(new RankedEntry(sheet, null, false, false, null));
        }
        return new RankingResult(entries, keys.size());
    }
}
