package io.jiangxin.server.config;

/** One {@code host:port} of a Hazelcast member to join. */
public record ClusterAddress(String host, int port) {

    public static ClusterAddress parse(String value) {
        String trimmed = value.trim();
        int colon = trimmed.lastIndexOf(':');
        if (colon <= 0 || colon == trimmed.length() - 1) {
            throw new IllegalArgumentException("'" + trimmed + "' 须为 host:port / must be host:port");
        }
        return new ClusterAddress(trimmed.substring(0, colon), Settings.parsePort(trimmed.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
