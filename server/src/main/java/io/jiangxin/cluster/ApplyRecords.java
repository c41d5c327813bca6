package io.jiangxin.cluster;

import io.jiangxin.judging.BoardDelta;
import io.jiangxin.judging.BoardView;
import com.hazelcast.map.EntryProcessor;
import io.jiangxin.judging.EventJudging;
import io.jiangxin.judging.ScoreRecord;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies committed log records to an event's live state on the member that owns it, and the same on its
 * backup. The fold ignores repeats and holds records beyond a gap, so any order of delivery ends the same.
 */
final class ApplyRecords implements EntryProcessor<Long, EventJudging, ApplyRecords.Applied> {

    private static final long serialVersionUID = 1L;

    /**
     * The state's version afterwards; {@code missingFrom} > 0 when a gap holds records back. The boards' deltas this
     * apply made travel back with the answer, so no node reads them again; null when not known.
     */
    record Applied(boolean present, long version, long missingFrom, Set<String> changed, long juryBoard,
                   long publicBoard, List<BoardDelta> juryDeltas, List<BoardDelta> publicDeltas)
            implements Serializable {
    }

    private final List<ScoreRecord> records;

    ApplyRecords(List<ScoreRecord> records) {
        this.records = List.copyOf(records);
    }

    @Override
    public Applied process(Map.Entry<Long, EventJudging> entry) {
        EventJudging state = entry.getValue();
        if (state == null) {
            return new Applied(false, 0, 0, Set.of(), 0, 0, null, null);
        }
        long juryBefore = state.board(BoardView.JURY).version();
        long publicBefore = state.board(BoardView.PUBLIC).version();
        Set<String> changed = state.apply(records);
        entry.setValue(state);
        return new Applied(true, state.version(), state.missingFrom(), changed,
                state.board(BoardView.JURY).version(), state.board(BoardView.PUBLIC).version(),
                deltas(state, BoardView.JURY, juryBefore), deltas(state, BoardView.PUBLIC, publicBefore));
    }

    private static List<BoardDelta> deltas(EventJudging state, BoardView view, long before) {
        var board = state.board(view);
        if (board.version() == before) {
            return List.of();
        }
        List<BoardDelta> since = board.since(before);
        return since == null ? null : List.copyOf(since);
    }
}
