package io.jiangxin.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.server.MainAccess;
import io.jiangxin.server.config.ClusterAddress;
import io.jiangxin.server.config.ClusterDiscovery;
import io.jiangxin.server.config.ClusterNetwork;
import io.jiangxin.server.config.SettingException;
import io.jiangxin.server.config.Settings;
import io.jiangxin.support.DnsStub;
import io.jiangxin.support.Http;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.Poll;
import io.jiangxin.support.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cluster port has no authentication, so a public cluster address stops the server (exit 2 naming the setting)
 * unless the operator says the network is private; and {@code --cluster-discovery dns:NAME} forms a cluster from a
 * DNS answer the test controls, as a Kubernetes headless service gives it (two members on 127.0.0.1 and 127.0.0.2,
 * the same port, like two pods).
 */
class ClusterNetworkIT {

    private static Map<String, String> flags(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void privateAddressesAreRecognised() throws Exception {
        for (String address : List.of("127.0.0.1", "10.1.2.3", "172.16.0.9", "172.31.255.1", "192.168.10.5",
                "100.64.0.1", "169.254.1.1", "fd12:3456::1", "::1")) {
            assertThat(ClusterNetwork.isPrivate(InetAddress.getByName(address))).as(address).isTrue();
        }
        for (String address : List.of("8.8.8.8", "172.32.0.1", "100.128.0.1", "203.0.113.7", "2001:db8::1")) {
            assertThat(ClusterNetwork.isPrivate(InetAddress.getByName(address))).as(address).isFalse();
        }
    }

    @Test
    void aPublicClusterAddressIsRefusedUnlessThePrivateNetworkIsDeclared() {
        assertThatThrownBy(() -> Settings.resolve(flags("--cluster-host", "203.0.113.7"), Map.of(), false))
                .isInstanceOf(SettingException.class).hasMessageContaining("--cluster-host (CLUSTER_HOST)")
                .hasMessageContaining("--cluster-private-network").hasMessageContaining("公网");
        assertThatThrownBy(() -> Settings.resolve(flags("--cluster-members", "10.0.0.1:5701,198.51.100.4:5701"),
                Map.of(), false)).hasMessageContaining("--cluster-members (CLUSTER_MEMBERS)");
        Settings declared = Settings.resolve(flags("--cluster-host", "203.0.113.7"),
                Map.of("CLUSTER_PRIVATE_NETWORK", "true"), false);
        assertThat(declared.clusterHost()).isEqualTo("203.0.113.7");
        assertThat(Settings.resolve(flags("--cluster-host", "10.0.0.5", "--cluster-members", "10.0.0.5:5701"),
                Map.of(), false).clusterHost()).isEqualTo("10.0.0.5");

        StringWriter err = new StringWriter();
        var commandLine = MainAccess.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        assertThat(commandLine.execute("--cluster-host", "8.8.8.8")).isEqualTo(2);
        assertThat(err.toString()).contains("--cluster-host").contains("--cluster-private-network");
    }

    @Test
    void discoverySettingsAreChecked() {
        assertThatThrownBy(() -> Settings.resolve(flags("--cluster-discovery", "jiangxin-hz"), Map.of(), false))
                .hasMessageContaining("--cluster-discovery (CLUSTER_DISCOVERY)").hasMessageContaining("dns:");
        assertThatThrownBy(() -> Settings.resolve(flags("--cluster-discovery", "dns:bad name"), Map.of(), false))
                .hasMessageContaining("--cluster-discovery");
        assertThatThrownBy(() -> Settings.resolve(flags("--cluster-discovery", "dns:a.test", "--cluster-members",
                "127.0.0.1:5701"), Map.of(), false)).hasMessageContaining("exclude each other");
        assertThatThrownBy(() -> Settings.resolve(flags("--cluster-dns-server", "127.0.0.1:53"), Map.of(), false))
                .hasMessageContaining("--cluster-dns-server");
        Settings settings = Settings.resolve(flags("--cluster-discovery", "dns:jiangxin-hz.default.svc.cluster.local"),
                Map.of("CLUSTER_DNS_SERVER", "10.96.0.10"), false);
        assertThat(settings.operations().clusterDiscovery()).isEqualTo("jiangxin-hz.default.svc.cluster.local");
        assertThat(settings.operations().clusterDnsServer()).isEqualTo("10.96.0.10");
    }

    @Test
    void twoNodesFormAClusterFromADnsAnswer() throws Exception {
        int clusterPort = Nodes.freePort();
        try (DnsStub dns = new DnsStub(Map.of("jiangxin-hz.test", List.of("127.0.0.1", "127.0.0.2"),
                "public.test", List.of("198.51.100.4")));
             TestDatabase database = TestDatabase.create()) {
            assertThat(ClusterDiscovery.lookUp("jiangxin-hz.test", dns.address(), clusterPort)).containsExactly(
                    new ClusterAddress("127.0.0.1", clusterPort), new ClusterAddress("127.0.0.2", clusterPort));
            assertThat(ClusterDiscovery.lookUp("nobody.test", dns.address(), clusterPort)).isEmpty();

            Settings first = discovering(database, "127.0.0.1", clusterPort, "jiangxin-hz.test", dns.address());
            Settings second = discovering(database, "127.0.0.2", clusterPort, "jiangxin-hz.test", dns.address());
            try (JiangxinNode a = JiangxinNode.start(first); JiangxinNode b = JiangxinNode.start(second)) {
                Poll.until(Duration.ofSeconds(60), "two members", () -> a.clusterMembers().size() == 2
                        && b.clusterMembers().size() == 2);
                assertThat(a.clusterMembers()).containsExactlyInAnyOrder("127.0.0.1:" + clusterPort,
                        "127.0.0.2:" + clusterPort);
                assertThat(new Http(b.httpPort()).get("/health").json().getJsonObject("cluster").getInteger("size"))
                        .isEqualTo(2);
            }
            assertThat(dns.queries.get()).isGreaterThanOrEqualTo(4);

            // A DNS answer with a public address is refused like a configured one.
            Settings exposed = discovering(database, "127.0.0.1", Nodes.freePort(), "public.test", dns.address());
            assertThatThrownBy(() -> JiangxinNode.start(exposed)).isInstanceOf(SettingException.class)
                    .hasMessageContaining("198.51.100.4").hasMessageContaining("--cluster-discovery");
        }
    }

    private static Settings discovering(TestDatabase database, String host, int port, String name, String server) {
        Settings base = Nodes.settings(database.url(), port, List.of(), false);
        return new Settings(0, base.databaseUrl(), List.of(), port, host, false, base.dataDirectory(),
                Nodes.ORGANIZER_CODE, Duration.ofHours(12)).withOperations(
                io.jiangxin.server.config.Operations.DEFAULTS.withDiscovery(name, server));
    }
}
