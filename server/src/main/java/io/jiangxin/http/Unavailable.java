package io.jiangxin.http;

import io.vertx.pgclient.PgException;
import java.util.Set;

/**
 * Recognises failures that mean a dependency is away rather than a request is wrong: PostgreSQL refusing or
 * dropping connections, the pool timing out, the cluster shutting down. They answer 503 with Retry-After.
 */
final class Unavailable {

    static final int RETRY_AFTER_SECONDS = 2;
    /** SQLSTATEs of a server that is starting, stopping, or not accepting connections to this database. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300", "55000");

    private Unavailable() {
    }

    /** Whether the failure is the cluster's (a minority side of a split, a member gone) rather than the database's. */
    static boolean isCluster(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().startsWith("com.hazelcast.")) {
                return true;
            }
        }
        return false;
    }

    static boolean isDependencyDown(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || UNAVAILABLE_STATES.contains(pg.getSqlState()))) {
                return true;
            }
            // Our handlers do I/O only with PostgreSQL and the cluster, so a socket failure is theirs.
            if (t instanceof java.io.IOException || t instanceof io.vertx.sqlclient.ClosedConnectionException
                    || t instanceof io.netty.channel.ConnectTimeoutException
                    || t instanceof com.hazelcast.core.HazelcastInstanceNotActiveException
                    || t instanceof com.hazelcast.splitbrainprotection.SplitBrainProtectionException
                    || t instanceof com.hazelcast.core.OperationTimeoutException
                    || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && (message.contains("Connection refused") || message.contains("Timeout while waiting")
                    || message.contains("Pool closed") || message.contains("connection was closed")
                    || message.contains("Connection is not active"))) {
                return true;
            }
        }
        return false;
    }
}
