package io.jiangxin.http;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Whether this node should be sent traffic ({@code /health/ready}), as opposed to whether it is alive
 * ({@code /health/live}). The node is ready once its schema is migrated, it is a member of the cluster and its
 * partitions settled after it joined, its live states caught up with the score log at start, and it is not
 * stopping. The database's reachability is checked by the route itself, per probe.
 */
public final class Readiness {

    private volatile boolean migrated;
    private volatile boolean stopping;
    private final AtomicInteger catchingUp = new AtomicInteger();
    private final BooleanSupplier clusterFormed;

    /** @param clusterFormed whether the Hazelcast member runs and holds its partitions' replicas safely */
    public Readiness(BooleanSupplier clusterFormed) {
        this.clusterFormed = clusterFormed;
    }

    public void migrated() {
        migrated = true;
    }

    /** Stopping: a load balancer should send nothing new, although requests in flight are still drained. */
    public void stopping() {
        stopping = true;
    }

    /** Not ready until {@code catchUp} completes, whether it succeeds or not (a failure is logged by its caller). */
    public <T> Future<T> catchingUp(Future<T> catchUp) {
        catchingUp.incrementAndGet();
        return catchUp.andThen(done -> catchingUp.decrementAndGet());
    }

    /** The reasons this node is not ready yet, as {@code {check, reason}} pairs; empty when it is ready. */
    public List<String[]> blockers() {
        List<String[]> blockers = new ArrayList<>();
        if (!migrated) {
            blockers.add(new String[] {"migrations", "数据库结构尚未迁移 / the schema is not migrated yet"});
        }
        boolean formed;
        try {
            formed = clusterFormed.getAsBoolean();
        } catch (RuntimeException e) {
            formed = false;
        }
        if (!formed) {
            blockers.add(new String[] {"cluster", "集群尚未形成或分区迁移中 / the cluster is not formed or its partitions are migrating"});
        }
        if (catchingUp.get() > 0) {
            blockers.add(new String[] {"liveState", "实时状态正在追赶评分日志 / live state is catching up with the score log"});
        }
        if (stopping) {
            blockers.add(new String[] {"stopping", "节点正在停止 / the node is stopping"});
        }
        return blockers;
    }
}
