package io.jiangxin.support;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.server.config.ClusterAddress;
import io.jiangxin.storage.DatabaseUrl;
import io.jiangxin.server.config.Settings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts real server nodes in this JVM: each has its own Hazelcast member, Vert.x and HTTP port. */
public final class Nodes {

    private Nodes() {
    }

    public static JiangxinNode single(DatabaseUrl database) throws Exception {
        return JiangxinNode.start(settings(database, freePort(), List.of(), false));
    }

    /** Starts {@code count} nodes that name each other as members, so they form one cluster. */
    public static List<JiangxinNode> cluster(DatabaseUrl database, int count) throws Exception {
        return cluster(database, count, java.time.Clock.systemUTC());
    }

    /** A cluster whose nodes all read time from {@code clock}, for notice periods that must end during a test. */
    public static List<JiangxinNode> cluster(DatabaseUrl database, int count, java.time.Clock clock) throws Exception {
        List<ClusterAddress> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            members.add(new ClusterAddress("127.0.0.1", freePort()));
        }
        List<JiangxinNode> nodes = new ArrayList<>();
        for (ClusterAddress self : members) {
            nodes.add(JiangxinNode.start(settings(database, self.port(), members, false), clock));
        }
        return nodes;
    }

    /** Every test node opens an organizer account with this code. */
    public static final String ORGANIZER_CODE = "TEST-ORGANIZER-2026";

    /** A lone node whose sign-ins last only as long as given, for expiry tests. */
    public static JiangxinNode withSessionLifetime(DatabaseUrl database, java.time.Duration lifetime,
                                                   java.time.Clock clock) throws Exception {
        Settings base = settings(database, freePort(), List.of(), false);
        return JiangxinNode.start(new Settings(base.port(), base.databaseUrl(), base.clusterMembers(),
                base.clusterPort(), base.clusterHost(), false, base.dataDirectory(), ORGANIZER_CODE, lifetime), clock);
    }

    public static Settings settings(DatabaseUrl database, int clusterPort, List<ClusterAddress> members, boolean demo) {
        return new Settings(0, database, members, clusterPort, "127.0.0.1", demo, Path.of("target", "data"),
                ORGANIZER_CODE, java.time.Duration.ofHours(12));
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
