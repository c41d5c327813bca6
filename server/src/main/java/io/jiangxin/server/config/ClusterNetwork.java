package io.jiangxin.server.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Hazelcast's open-source member protocol has neither authentication nor encryption: whoever reaches the cluster
 * port joins and reads the shared state, sessions included. So the cluster must run on a private network, and a
 * public address for it stops the server unless the operator says the network is private all the same.
 */
public final class ClusterNetwork {

    private ClusterNetwork() {
    }

    /** Loopback, RFC 1918, carrier-grade NAT (100.64/10), link-local, IPv6 unique-local, or the wildcard. */
    public static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        }
        return (bytes[0] & 0xfe) == 0xfc;
    }

    /**
     * Refuses a public address for the cluster, naming the setting; a name that does not resolve yet is let
     * through (the cluster cannot use it either, and says so when joining).
     */
    public static void requirePrivate(Settings.Name setting, String host, boolean operatorSaysPrivate) {
        if (operatorSaysPrivate) {
            return;
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return;
        }
        if (!isPrivate(address)) {
            throw new SettingException("配置项 " + setting + " 无效 / invalid setting " + setting + ": " + host + " ("
                    + address.getHostAddress() + ") 是公网地址；集群端口没有认证和加密，只能放在内网。若该网络确为专用网络，"
                    + "请加 " + Settings.CLUSTER_PRIVATE_NETWORK.flag() + " / is a public address; the cluster port has"
                    + " no authentication or encryption and must be on a private network. If this network is private"
                    + " all the same, add " + Settings.CLUSTER_PRIVATE_NETWORK.flag());
        }
    }
}
