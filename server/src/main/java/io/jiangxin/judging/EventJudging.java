package io.jiangxin.judging;

import io.jiangxin.engine.io.SchemeFiles;
import io.jiangxin.engine.io.SchemeFormatException;
import io.jiangxin.engine.leaderboard.IncrementalLeaderboard;
import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.engine.sheet.SheetEvaluator;
import io.jiangxin.engine.sheet.SheetResult;
import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One event's judging state as a fold over its score log, applied strictly in sequence order. Records that
 * arrive ahead of a gap wait until the gap is filled, so the state after record n is the same whichever node
 * applied which record, and replaying the log from PostgreSQL gives exactly the live state.
 *
 * <p>Only the fold's inputs are serialised; the parsed scheme, sheet results and the leaderboard are caches
 * rebuilt on first use. Not thread-safe: Hazelcast runs one entry processor at a time per key.
 */
public final class EventJudging implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long eventId;
    private final String schemeJson;
    private final SortedMap<String, SheetLog> sheets = new TreeMap<>();
    private final Map<String, String> teams = new HashMap<>();
    private final TreeMap<Long, ScoreRecord> pending = new TreeMap<>();
    private long version;
    private boolean signedOff;

    private transient MarkingScheme scheme;
    private transient SheetEvaluator evaluator;
    private transient Map<String, SheetResult> results;
    private transient IncrementalLeaderboard leaderboard;

    /**
     * @param schemeJson the event's marking scheme as stored
     * @param teams      the team of each entry that competes for one, by entry id
     */
    public EventJudging(long eventId, String schemeJson, Map<String, String> teams) {
        this.eventId = eventId;
        this.schemeJson = schemeJson;
        this.teams.putAll(teams);
        scheme();
    }

    /**
     * Applies records in sequence order, keeping those beyond a gap until it is filled; repeats are ignored.
     *
     * @return the entries whose sheets changed
     */
    public Set<String> apply(Collection<ScoreRecord> records) {
        for (ScoreRecord record : records) {
            if (record.seq() > version) {
                pending.putIfAbsent(record.seq(), record);
            }
        }
        Set<String> changed = new TreeSet<>();
        while (!pending.isEmpty() && pending.firstKey() == version + 1) {
            ScoreRecord next = pending.pollFirstEntry().getValue();
            applyInOrder(next);
            version = next.seq();
            if (next.entryId() != null) {
                changed.add(next.entryId());
            }
        }
        changed.forEach(this::refresh);
        return changed;
    }

    private void applyInOrder(ScoreRecord record) {
        switch (record.kind()) {
            case SIGN_OFF -> signedOff = true;
            case REOPEN -> signedOff = false;
            default -> {
                if (record.entryId() != null) {
                    sheets.computeIfAbsent(record.entryId(), SheetLog::new).apply(record);
                }
            }
        }
    }

    private void refresh(String entryId) {
        if (results != null) {
            results.remove(entryId);
        }
        if (leaderboard != null) {
            leaderboard.update(result(entryId));
        }
    }

    /** The sequence number of the last record applied: the event's live version. */
    public long version() {
        return version;
    }

    /** The first sequence number that is missing while later records wait, or 0 when nothing waits. */
    public long missingFrom() {
        return pending.isEmpty() ? 0 : version + 1;
    }

    public long eventId() {
        return eventId;
    }

    public boolean signedOff() {
        return signedOff;
    }

    public MarkingScheme scheme() {
        if (scheme == null) {
            try {
                scheme = SchemeFiles.read(schemeJson);
            } catch (SchemeFormatException e) {
                throw new IllegalStateException("stored scheme of event " + eventId + " does not parse", e);
            }
            evaluator = new SheetEvaluator(scheme);
        }
        return scheme;
    }

    public SortedMap<String, SheetLog> sheets() {
        return sheets;
    }

    public SheetLog sheet(String entryId) {
        return sheets.getOrDefault(entryId, new SheetLog(entryId));
    }

    public SheetResult result(String entryId) {
        scheme();
        if (results == null) {
            results = new HashMap<>();
        }
        return results.computeIfAbsent(entryId, id -> evaluator.evaluate(sheet(id).toInput(teams.get(id))));
    }

    public IncrementalLeaderboard leaderboard() {
        if (leaderboard == null) {
            leaderboard = new IncrementalLeaderboard(scheme().ranking());
            sheets.keySet().forEach(entryId -> leaderboard.update(result(entryId)));
        }
        return leaderboard;
    }
}
