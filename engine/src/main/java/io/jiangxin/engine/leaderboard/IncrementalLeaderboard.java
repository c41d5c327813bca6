package io.jiangxin.engine.leaderboard;

import io.jiangxin.engine.ranking.Placements;
import io.jiangxin.engine.ranking.RankKey;
import io.jiangxin.engine.ranking.RankKeys;
import io.jiangxin.engine.scheme.RankingConfig;
import io.jiangxin.engine.sheet.SheetResult;

import java.io.ObjectInputStream;
import java.io.InvalidObjectException;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An event's live ranking. Each update of one entry costs O(log n); an entry's rank costs O(log n); the
 * top N (or any window) costs O(log n + N). The ranks are exactly those of
 * {@link io.jiangxin.engine.ranking.Ranking#rank} on the same sheets: standard competition ranking on
 * {@link RankKey}s, with the no-ties places broken by entry id (see {@link Placements}).
 *
 * <p><b>Not thread-safe.</b> Callers serialise access (inside a Hazelcast EntryProcessor the map entry is
 * locked for the call). <b>Serialisable</b> through a compact form (the ranking config and the list of
 * (entryId, rankKey)); the tree is rebuilt on read. {@link #snapshot()} and {@link #rebuild} do the same
 * explicitly, e.g. when rebuilding from PostgreSQL.
 *
 * <p>Disqualified entries are not on the board: {@link #update(SheetResult)} removes them.
 */
public final class IncrementalLeaderboard implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final RankingConfig config;
    private final transient Map<String, RankKey> keys = new HashMap<>();
    private final transient OrderStatisticTreap tree = new OrderStatisticTreap();

    public IncrementalLeaderboard(RankingConfig config) {
        this.config = config;
    }

    /** Rebuilds a board from its entries, e.g. after a restart: O(n log n). */
    public static IncrementalLeaderboard rebuild(RankingConfig config, Collection<LeaderboardEntry> entries) {
        IncrementalLeaderboard board = new IncrementalLeaderboard(config);
        for (LeaderboardEntry entry : entries) {
            board.put(entry.entryId(), entry.key());
        }
        return board;
    }

    public RankingConfig config() {
        return config;
    }

    /** Inserts or replaces an entry from its evaluated sheet; a disqualified sheet removes the entry. */
    public void update(SheetResult sheet) {
        if (sheet.disqualified()) {
            remove(sheet.entryId());
        } else {
            put(sheet.entryId(), RankKeys.of(sheet, config));
        }
    }

    /** Inserts or replaces an entry's key. */
    public void put(String entryId, RankKey key) {
        RankKey previous = keys.put(entryId, key);
        if (previous != null) {
            tree.remove(previous, entryId);
        }
        tree.insert(key, entryId);
    }

    /** Removes an entry; returns whether it was on the board. */
    public boolean remove(String entryId) {
        RankKey previous = keys.remove(entryId);
        return previous != null && tree.remove(previous, entryId);
    }

    public int size() {
        return keys.size();
    }

    /** The entry's rank, or empty if it is not on the board. */
    public OptionalInt rankOf(String entryId) {
        RankKey key = keys.get(entryId);
        if (key == null) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Placements.rank(tree.countKeysBefore(key), tree.countBefore(key, entryId),
                config.noTiesWithinPlaces()));
    }

    /** The first {@code n} rows (fewer if the board is smaller). */
    public List<LeaderboardRow> top(int n) {
        return window(0, n);
    }

    /** Rows at positions {@code offset + 1 .. offset + limit}, e.g. one page of a hall screen. */
    public List<LeaderboardRow> window(int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        int count = Math.max(0, Math.min(limit, size() - offset));
        List<String> ids = new ArrayList<>(count);
        List<RankKey> rowKeys = new ArrayList<>(count);
        tree.collect(offset, count, ids, rowKeys);
        List<LeaderboardRow> rows = new ArrayList<>(count);
        int groupStart = -1;
        for (int i = 0; i < ids.size(); i++) {
            int position = offset + i;
            RankKey key = rowKeys.get(i);
            if (i == 0) {
                groupStart = tree.countKeysBefore(key);
            } else if (key.compareTo(rowKeys.get(i - 1)) != 0) {
                groupStart = position;
            }
            rows.add(new LeaderboardRow(position + 1, Placements.rank(groupStart, position, config.noTiesWithinPlaces()),
                    ids.get(i), key));
        }
        return rows;
    }

    /** All entries in ranking order, for persisting or rebuilding. */
    public List<LeaderboardEntry> snapshot() {
        List<LeaderboardEntry> entries = new ArrayList<>(size());
        for (String id : tree.entryIdsInOrder()) {
            entries.add(new LeaderboardEntry(id, keys.get(id)));
        }
        return entries;
    }

    @Serial
    private Object writeReplace() {
        return new SerializedForm(config, snapshot());
    }

    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("read through SerializedForm");
    }

    private record SerializedForm(RankingConfig config, List<LeaderboardEntry> entries) implements Serializable {
        @Serial
        private Object readResolve() {
            return rebuild(config, entries);
        }
    }
}
