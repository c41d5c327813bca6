package io.jiangxin.judging;

import java.io.Serializable;
import java.util.List;

/**
 * A whole board at one of its versions. On the public board {@code teams} is empty until names are public, unless
 * {@code showTeamsBeforeNames} (the organizer's setting, {@link BoardSettings}) shows them earlier.
 */
public record BoardSnapshot(BoardView view, long version, List<BoardRow> rows, List<TeamRow> teams, boolean frozen,
                            BoardPolicy policy, boolean signedOff, boolean showTeamsBeforeNames)
        implements Serializable {

    public BoardSnapshot {
        rows = List.copyOf(rows);
        teams = List.copyOf(teams);
    }
}
