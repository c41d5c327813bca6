package io.jiangxin.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;

/**
 * Builds the embedded member's configuration: TCP-IP join to the configured members, multicast and
 * auto-detection off, bound to the cluster host only, and no CP subsystem.
 */
public final class HazelcastSetup {

    public static final String CLUSTER_NAME = "jiangxin";
    static final int MERGE_CHECK_SECONDS = 5;

    private HazelcastSetup() {
    }

    public static Config config(MemberSettings settings) {
        // Vert.x's defaults carry the maps and multimaps its event bus needs; we only replace the network part.
        Config config = ConfigUtil.loadConfig();
        config.setClusterName(CLUSTER_NAME);
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        // The node leaves the cluster itself when it stops; Hazelcast's own hook would race with ours.
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.local.localAddress", settings.host());
        config.setProperty("hazelcast.socket.bind.any", "false");
        // A revoked token must stop working everywhere at once, not after the next invalidation batch.
        config.setProperty("hazelcast.map.invalidation.batch.enabled", "false");
        // A lone node should not wait for partners that were never configured.
        config.setProperty("hazelcast.wait.seconds.before.join", settings.members().isEmpty() ? "0" : "1");

        // A member silent for longer than this (a long GC pause, a stalled VM) is taken for gone; operations on
        // the partitions it owned wait at most this long before they move to the survivors.
        config.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(settings.failure().toSeconds()));
        config.setProperty("hazelcast.heartbeat.interval.seconds",
                String.valueOf(Math.max(1, settings.failure().toSeconds() / 4)));
        // When it comes back it has formed a cluster of its own: look for the others soon and often, so that the
        // sides merge within seconds rather than Hazelcast's default five minutes.
        config.setProperty("hazelcast.merge.first.run.delay.seconds", String.valueOf(MERGE_CHECK_SECONDS));
        config.setProperty("hazelcast.merge.next.run.delay.seconds", String.valueOf(MERGE_CHECK_SECONDS));

        Maps.configure(config, majority(settings));

        NetworkConfig network = config.getNetworkConfig();
        network.setPort(settings.port());
        // With named members a silently moved port would split the cluster, so only a lone node may move.
        network.setPortAutoIncrement(settings.members().isEmpty());

        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).getMembers().clear();
        settings.members().forEach(join.getTcpIpConfig()::addMember);
        return config;
    }

    /**
     * The members a side of a split needs to serve live state: a strict majority of the configured cluster, so at
     * most one side serves. Clusters of one or two members have no majority to lose a member to, so they need one.
     */
    static int majority(MemberSettings settings) {
        java.util.Set<String> members = new java.util.HashSet<>();
        members.addAll(settings.members());
        members.add(settings.host() + ":" + settings.port());
        return members.size() >= 3 ? members.size() / 2 + 1 : 1;
    }
}
