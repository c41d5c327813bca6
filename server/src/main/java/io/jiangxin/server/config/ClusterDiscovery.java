package io.jiangxin.server.config;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/**
 * {@code --cluster-discovery dns:NAME}: the members are the A records of a DNS name — in Kubernetes a headless
 * service, which lists the ready and starting pods' addresses — each on the cluster port. Looked up once at start:
 * a starting node only needs to reach one running member, which then tells it about the others.
 */
public final class ClusterDiscovery {

    public static final String PREFIX = "dns:";

    private ClusterDiscovery() {
    }

    /** The DNS name of {@code dns:NAME}, checked; exit 2 naming the setting otherwise. */
    static String parse(String value) {
        String v = value.strip();
        if (!v.startsWith(PREFIX) || v.length() == PREFIX.length()
                || !v.substring(PREFIX.length()).matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?\\.?")) {
            throw new IllegalArgumentException("须为 dns:名称，例如 dns:jiangxin-hz.default.svc.cluster.local /"
                    + " must be dns:NAME, e.g. dns:jiangxin-hz.default.svc.cluster.local");
        }
        return v.substring(PREFIX.length());
    }

    /**
     * The members found for {@code name}: its A records, each on {@code port}; empty when the name has none yet
     * (the first pod of a new deployment). {@code dnsServer} is {@code host[:port]}, or null for the system's.
     */
    public static List<ClusterAddress> lookUp(String name, String dnsServer, int port) {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
        env.put(Context.PROVIDER_URL, dnsServer == null ? "dns:" : "dns://" + dnsServer);
        env.put("com.sun.jndi.dns.timeout.initial", "2000");
        env.put("com.sun.jndi.dns.timeout.retries", "3");
        List<ClusterAddress> members = new ArrayList<>();
        try {
            DirContext context = new InitialDirContext(env);
            try {
                Attributes attributes = context.getAttributes(name, new String[] {"A"});
                Attribute records = attributes.get("A");
                if (records != null) {
                    for (int i = 0; i < records.size(); i++) {
                        members.add(new ClusterAddress(String.valueOf(records.get(i)), port));
                    }
                }
            } finally {
                context.close();
            }
        } catch (javax.naming.NameNotFoundException e) {
            return List.of();
        } catch (NamingException e) {
            throw new SettingException("配置项 " + Settings.CLUSTER_DISCOVERY + " 无法解析 / cannot look up "
                    + Settings.CLUSTER_DISCOVERY + " " + name + ": " + e);
        }
        members.sort(java.util.Comparator.comparing(ClusterAddress::host));
        return members;
    }
}
