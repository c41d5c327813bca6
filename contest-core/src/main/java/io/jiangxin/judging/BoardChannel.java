package io.jiangxin.judging;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One board as its viewers last saw it, its version, and its recent deltas, so a viewer that reconnects can be
 * sent what it missed instead of the whole board.
 */
public final class BoardChannel implements Serializable {

    private static final long serialVersionUID = 1L;
    /** How many deltas a reconnecting viewer can catch up on before it gets a snapshot instead. */
    public static final int KEPT_DELTAS = 256;

    private final BoardView view;
    private final LinkedHashMap<String, BoardRow> rows = new LinkedHashMap<>();
    private List<TeamRow> teams = List.of();
    private boolean frozen;
    private boolean showTeamsBeforeNames;
    private long version;
    private final Deque<BoardDelta> recent = new ArrayDeque<>();

    public BoardChannel(BoardView view) {
        this.view = view;
    }

    /** Records the organizer's team setting, which snapshots tell viewers (it changes no line by itself). */
    void showTeamsBeforeNames(boolean show) {
        showTeamsBeforeNames = show;
    }

    /**
     * Replaces the board as it stands after the log's record {@code atSeq}; answers the delta, or null when nothing a
     * viewer sees changed. The board's version is the sequence number of the record after which it last changed, so
     * a version names the same board in every copy of the state, however it was built: a state rebuilt from the log,
     * caught up after a split or merged from the other side never hands a viewer a delta meant for another board.
     */
    BoardDelta update(long atSeq, List<BoardRow> newRows, List<TeamRow> newTeams, boolean nowFrozen, String revealed) {
        List<BoardRow> changed = new ArrayList<>();
        Map<String, BoardRow> next = new LinkedHashMap<>();
        for (BoardRow row : newRows) {
            next.put(row.entryId(), row);
            if (!row.equals(rows.get(row.entryId()))) {
                changed.add(row);
            }
        }
        List<String> removed = rows.keySet().stream().filter(id -> !next.containsKey(id)).toList();
        boolean teamsChanged = !teams.equals(newTeams);
        if (changed.isEmpty() && removed.isEmpty() && !teamsChanged && frozen == nowFrozen && revealed == null) {
            return null;
        }
        rows.clear();
        rows.putAll(next);
        teams = List.copyOf(newTeams);
        frozen = nowFrozen;
        BoardDelta delta = new BoardDelta(view, version, atSeq, changed, removed, teamsChanged ? teams : null,
                frozen, revealed);
        version = atSeq;
        recent.addLast(delta);
        while (recent.size() > KEPT_DELTAS) {
            recent.removeFirst();
        }
        return delta;
    }

    /** The deltas after {@code since}, in order; null when they are no longer kept (send a snapshot). */
    public List<BoardDelta> since(long since) {
        if (since == version) {
            return List.of();
        }
        // Only a chain that starts exactly at the viewer's version applies to what it shows.
        if (since > version || recent.stream().noneMatch(d -> d.from() == since)) {
            return null;
        }
        return recent.stream().filter(d -> d.from() >= since).toList();
    }

    public BoardSnapshot snapshot(BoardPolicy policy, boolean signedOff) {
        return new BoardSnapshot(view, version, List.copyOf(rows.values()), teams, frozen, policy, signedOff,
                showTeamsBeforeNames);
    }

    public long version() {
        return version;
    }

    public BoardView view() {
        return view;
    }

    @Override
    public String toString() {
        return view + "@" + version + Objects.toString(rows.keySet());
    }
}
