package io.jiangxin.cluster;

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

    /** The state's version afterwards; {@code missingFrom} > 0 when a gap holds records back. */
    record Applied(boolean present, long version, long missingFrom, Set<String> changed, long juryBoard,
                   long publicBoard) implements Serializable {
    }

    private final List<ScoreRecord> records;

    ApplyRecords(List<ScoreRecord> records) {
        this.records = List.copyOf(records);
    }

    @Override
    public Applied process(Map.Entry<Long, EventJudging> entry) {
        EventJudging state = entry.getValue();
        if (state == null) {
            return new Applied(false, 0, 0, Set.of(), 0, 0);
        }
        Set<String> changed = state.apply(records);
        entry.setValue(state);
        return new Applied(true, state.version(), state.missingFrom(), changed,
                state.board(io.jiangxin.judging.BoardView.JURY).version(),
                state.board(io.jiangxin.judging.BoardView.PUBLIC).version());
    }
}
