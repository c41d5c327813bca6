package io.jiangxin.judging;

import java.io.Serializable;
import java.util.List;

/** A whole board at one of its versions. */
public record BoardSnapshot(BoardView view, long version, List<BoardRow> rows, List<TeamRow> teams, boolean frozen,
                            BoardPolicy policy, boolean signedOff) implements Serializable {

    public BoardSnapshot {
        rows = List.copyOf(rows);
        teams = List.copyOf(teams);
    }
}
