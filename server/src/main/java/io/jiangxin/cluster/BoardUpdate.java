package io.jiangxin.cluster;

import io.jiangxin.judging.BoardDelta;
import io.jiangxin.judging.BoardSnapshot;
import java.io.Serializable;
import java.util.List;

/**
 * What a viewer at some version needs to be current: the deltas since, when they are still kept, or else the
 * whole board. {@code snapshot} is also filled when it was asked for.
 */
public record BoardUpdate(long version, List<BoardDelta> deltas, BoardSnapshot snapshot, int revealsLeft)
        implements Serializable {
}
