package io.jiangxin.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import io.jiangxin.server.config.SettingException;
import io.jiangxin.server.config.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cluster settings reach the member's configuration: failure detection, merge checks, split-brain majority. */
class HazelcastSetupTest {

    @Test
    void theFailureTimeoutIsTheHeartbeatTimeoutAndIsRefusedOutOfRange() {
        Config config = HazelcastSetup.config(Settings.resolve(Map.of("--cluster-failure-seconds", "8"), Map.of(),
                false).member());
        assertThat(config.getProperty("hazelcast.max.no.heartbeat.seconds")).isEqualTo("8");
        assertThat(config.getProperty("hazelcast.heartbeat.interval.seconds")).isEqualTo("2");
        assertThat(config.getProperty("hazelcast.merge.next.run.delay.seconds")).isEqualTo("5");
        assertThat(HazelcastSetup.config(Settings.resolve(Map.of(), Map.of(), false).member())
                .getProperty("hazelcast.max.no.heartbeat.seconds")).isEqualTo("20");
        assertThatThrownBy(() -> Settings.resolve(Map.of(), Map.of("CLUSTER_FAILURE_SECONDS", "2"), false))
                .isInstanceOf(SettingException.class).hasMessageContaining("--cluster-failure-seconds");
        assertThatThrownBy(() -> Settings.resolve(Map.of("--cluster-failure-seconds", "soon"), Map.of(), false))
                .isInstanceOf(SettingException.class).hasMessageContaining("--cluster-failure-seconds");
    }

    @Test
    void liveStateNeedsAMajorityOfThreeOrMoreConfiguredMembers() {
        Config three = HazelcastSetup.config(Settings.resolve(Map.of("--cluster-port", "5701",
                "--cluster-members", "127.0.0.1:5701,127.0.0.1:5702,127.0.0.1:5703"), Map.of(), false).member());
        assertThat(three.getMapConfig(Maps.LIVE_EVENTS).getSplitBrainProtectionName()).isEqualTo(Maps.LIVE_MAJORITY);
        assertThat(three.getSplitBrainProtectionConfig(Maps.LIVE_MAJORITY).getMinimumClusterSize()).isEqualTo(2);
        Config five = HazelcastSetup.config(Settings.resolve(Map.of("--cluster-port", "5701",
                "--cluster-members", "127.0.0.1:5702,127.0.0.1:5703,127.0.0.1:5704,127.0.0.1:5705"), Map.of(), false).member());
        assertThat(five.getSplitBrainProtectionConfig(Maps.LIVE_MAJORITY).getMinimumClusterSize()).isEqualTo(3);
        Config two = HazelcastSetup.config(Settings.resolve(Map.of("--cluster-port", "5701",
                "--cluster-members", "127.0.0.1:5701,127.0.0.1:5702"), Map.of(), false).member());
        assertThat(two.getMapConfig(Maps.LIVE_EVENTS).getSplitBrainProtectionName()).isNull();
    }
}
