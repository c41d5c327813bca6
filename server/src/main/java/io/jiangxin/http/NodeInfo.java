package io.jiangxin.http;

/** What /health tells about this node; the database URL is shown without its password. */
public record NodeInfo(String nodeId, String version, String databaseUrl, boolean embeddedDatabase,
                       String clusterName) {
}
