package io.jiangxin.cluster;

import com.hazelcast.map.EntryProcessor;
import io.jiangxin.judging.EventJudging;
import java.util.Map;

/** Puts a rebuilt state in place unless another node's is already there; either was built from the same log. */
final class InstallState implements EntryProcessor<Long, EventJudging, Boolean> {

    private static final long serialVersionUID = 1L;

    private final EventJudging state;

    InstallState(EventJudging state) {
        this.state = state;
    }

    @Override
    public Boolean process(Map.Entry<Long, EventJudging> entry) {
        if (entry.getValue() != null) {
            return false;
        }
        entry.setValue(state);
        return true;
    }
}
