package io.jiangxin.judging;

import java.io.Serializable;
import java.util.List;

/** One line of a team (团体) or enterprise board, as the engine's team ranking gives it. */
public record TeamRow(String teamId, int rank, boolean tied, String total, List<String> members)
        implements Serializable {

    public TeamRow {
        members = List.copyOf(members);
    }
}
