package io.jiangxin.engine.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ranking rule shared by full re-sorts and the incremental leaderboard.
 *
 * <p>An entry's standard rank is 1 + the number of entries with a strictly better key. If that rank is
 * within the no-ties places, a group still tied is broken by entry id (ascending), so the entry's rank
 * becomes 1 + the number of entries ordered before it by (key, entry id). A tied group that starts within
 * the no-ties places is broken as a whole, even where it extends past them.
 */
public final class Placements {

    /** Total order used everywhere: key, then entry id. */
    public static final Comparator<Map.Entry<String, RankKey>> ORDER =
            Map.Entry.<String, RankKey>comparingByValue().thenComparing(Map.Entry.comparingByKey());

    private Placements() {
    }

    /** The rank from the two counts an ordered structure can give in O(log n). */
    public static int rank(int strictlyBetter, int orderedBefore, int noTiesWithinPlaces) {
        int standard = strictlyBetter + 1;
        return standard <= noTiesWithinPlaces ? orderedBefore + 1 : standard;
    }

    /** Places all entries (entry id → key) by a full sort. Entry ids must be unique. */
    public static List<Placement> place(Map<String, RankKey> keys, int noTiesWithinPlaces) {
        List<Map.Entry<String, RankKey>> sorted = new ArrayList<>(keys.entrySet());
        sorted.sort(ORDER);
        List<Placement> placements = new ArrayList<>(sorted.size());
        int i = 0;
        while (i < sorted.size()) {
            int end = i + 1;
            while (end < sorted.size() && sorted.get(end).getValue().compareTo(sorted.get(i).getValue()) == 0) {
                end++;
            }
            boolean group = end - i > 1;
            int standard = i + 1;
            boolean broken = group && standard <= noTiesWithinPlaces;
            for (int j = i; j < end; j++) {
                Map.Entry<String, RankKey> e = sorted.get(j);
                placements.add(new Placement(e.getKey(), e.getValue(), rank(i, j, noTiesWithinPlaces), group && !broken, broken));
            }
            i = end;
        }
        return placements;
    }

    static void requireUnique(List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException("entry " + id + " appears twice");
            }
        }
    }
}
