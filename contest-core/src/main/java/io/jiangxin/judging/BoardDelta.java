package io.jiangxin.judging;

import java.io.Serializable;
import java.util.List;

/**
 * What changed on one board between two of its versions: the rows that moved or changed, the entries that left,
 * and the whole team board when any team line changed (null otherwise). Versions count this board's changes.
 */
public record BoardDelta(BoardView view, long from, long version, List<BoardRow> rows, List<String> removed,
                         List<TeamRow> teams, boolean frozen, String revealed) implements Serializable {

    public BoardDelta {
        rows = List.copyOf(rows);
        removed = List.copyOf(removed);
        teams = teams == null ? null : List.copyOf(teams);
    }
}
