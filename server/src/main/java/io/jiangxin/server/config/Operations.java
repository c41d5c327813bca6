package io.jiangxin.server.config;

import java.nio.file.Path;

/**
 * The settings for running Jiangxin for real (docs/operations.md): HTTPS, its redirect and HSTS, the log format,
 * personal data retention, and how the cluster finds its members.
 *
 * @param tlsCert      PEM certificate chain; with {@code tlsKey}, the HTTP port serves HTTPS and WSS; null for plain HTTP
 * @param tlsKey       PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC) of {@code tlsCert}
 * @param redirectPort a plain HTTP port that answers every request with a redirect to HTTPS; null for none
 * @param hstsMaxAge   seconds of {@code Strict-Transport-Security} sent over HTTPS; 0 sends none
 * @param logFormat    the console log's lines: text for people, JSON for a log collector
 * @param personalDataRetention how long after a contest's last notice ends its people's data is kept before it is
 *                     anonymised (docs/privacy.md); null keeps it until an erasure request
 * @param clusterDiscovery a DNS name whose A records are the members' addresses (a Kubernetes headless service),
 *                     joined on the cluster port; null uses {@code clusterMembers}
 * @param clusterDnsServer the DNS server to ask, {@code host[:port]}; null asks the system's (resolv.conf)
 * @param clusterPrivateNetwork the operator says the cluster addresses are on a private network although they
 *                     look public; without it a public cluster address stops the server
 * @param clusterFailure how long a member may be silent before the others take it for gone (Hazelcast's heartbeat
 *                     timeout); a paused member beyond it splits from the cluster and later merges back
 * @param httpInstances how many instances of the HTTP verticle serve requests, each on its own event loop
 */
public record Operations(Path tlsCert, Path tlsKey, Integer redirectPort, long hstsMaxAge, LogFormat logFormat,
                         java.time.Duration personalDataRetention, String clusterDiscovery, String clusterDnsServer,
                         boolean clusterPrivateNetwork, java.time.Duration clusterFailure, int httpInstances) {

    public enum LogFormat { TEXT, JSON }

    public static final int DEFAULT_CLUSTER_FAILURE_SECONDS = 20;

    public static final Operations DEFAULTS = new Operations(null, null, null, 0, LogFormat.TEXT, null, null, null,
            false, java.time.Duration.ofSeconds(DEFAULT_CLUSTER_FAILURE_SECONDS), defaultHttpInstances());

    /** One HTTP verticle per core: every core's event loop takes connections. */
    public static int defaultHttpInstances() {
        return Runtime.getRuntime().availableProcessors();
    }

    public static final int MAX_HTTP_INSTANCES = 64;

    public boolean tls() {
        return tlsCert != null;
    }

    public Operations withTls(Path cert, Path key) {
        return new Operations(cert, key, redirectPort, hstsMaxAge, logFormat, personalDataRetention, clusterDiscovery,
                clusterDnsServer, clusterPrivateNetwork, clusterFailure, httpInstances);
    }

    public Operations withRedirect(Integer port, long hsts) {
        return new Operations(tlsCert, tlsKey, port, hsts, logFormat, personalDataRetention, clusterDiscovery,
                clusterDnsServer, clusterPrivateNetwork, clusterFailure, httpInstances);
    }

    public Operations withRetention(java.time.Duration retention) {
        return new Operations(tlsCert, tlsKey, redirectPort, hstsMaxAge, logFormat, retention, clusterDiscovery,
                clusterDnsServer, clusterPrivateNetwork, clusterFailure, httpInstances);
    }

    public Operations withDiscovery(String dnsName, String dnsServer) {
        return new Operations(tlsCert, tlsKey, redirectPort, hstsMaxAge, logFormat, personalDataRetention, dnsName,
                dnsServer, clusterPrivateNetwork, clusterFailure, httpInstances);
    }

    public Operations withClusterFailure(java.time.Duration timeout) {
        return new Operations(tlsCert, tlsKey, redirectPort, hstsMaxAge, logFormat, personalDataRetention,
                clusterDiscovery, clusterDnsServer, clusterPrivateNetwork, timeout, httpInstances);
    }

    public Operations withHttpInstances(int instances) {
        return new Operations(tlsCert, tlsKey, redirectPort, hstsMaxAge, logFormat, personalDataRetention,
                clusterDiscovery, clusterDnsServer, clusterPrivateNetwork, clusterFailure, instances);
    }
}
