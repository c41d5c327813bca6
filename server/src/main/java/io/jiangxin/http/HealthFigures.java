package io.jiangxin.http;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** Process figures shared by /health and the benchmark's baseline server. */
public final class HealthFigures {

    private HealthFigures() {
    }

    /** Heap still in use after the last collection: what the live objects take, without garbage. */
    public static long liveHeapBytes() {
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                live += pool.getCollectionUsage().getUsed();
            }
        }
        return live;
    }
}
