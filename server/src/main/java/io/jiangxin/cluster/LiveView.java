package io.jiangxin.cluster;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import io.jiangxin.judging.EventJudging;
import java.io.Serializable;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a projection of an event's live state where the state lives, shipping only the projection.
 * The projection must be a named serialisable class, not a lambda, so every member can run it.
 */
final class LiveView<R extends Serializable> implements EntryProcessor<Long, EventJudging, R>, ReadOnly {

    private static final long serialVersionUID = 1L;

    interface Projection<R> extends Function<EventJudging, R>, Serializable {
    }

    private final Projection<R> projection;

    LiveView(Projection<R> projection) {
        this.projection = projection;
    }

    @Override
    public R process(Map.Entry<Long, EventJudging> entry) {
        return entry.getValue() == null ? null : projection.apply(entry.getValue());
    }

    @Override
    public EntryProcessor<Long, EventJudging, R> getBackupProcessor() {
        return null;
    }
}
