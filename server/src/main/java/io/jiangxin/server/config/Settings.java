package io.jiangxin.server.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The server's configuration. Each value comes from its flag, else its environment variable, else the default.
 *
 * @param databaseUrl null means an embedded PostgreSQL under {@code dataDirectory}
 * @param clusterMembers empty means this node alone
 * @param sessionLifetime how long a signed-in tablet stays signed in
 * @param organizerCode  a sign-in code that always opens an organizer account; null to issue one at first start
 * @param ladderRetry    how often each node retries ladder postings that failed at sign-off
 */
public record Settings(int port, DatabaseUrl databaseUrl, List<ClusterAddress> clusterMembers, int clusterPort,
                       String clusterHost, boolean demo, Path dataDirectory, String organizerCode,
                       java.time.Duration sessionLifetime, java.time.Duration ladderRetry) {

    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_CLUSTER_PORT = 5701;
    public static final String DEFAULT_CLUSTER_HOST = "127.0.0.1";

    public Settings {
        clusterMembers = List.copyOf(clusterMembers);
    }

    /** Settings with the ladder's retry interval at its default. */
    public Settings(int port, DatabaseUrl databaseUrl, List<ClusterAddress> clusterMembers, int clusterPort,
                    String clusterHost, boolean demo, Path dataDirectory, String organizerCode,
                    java.time.Duration sessionLifetime) {
        this(port, databaseUrl, clusterMembers, clusterPort, clusterHost, demo, dataDirectory, organizerCode,
                sessionLifetime, java.time.Duration.ofSeconds(DEFAULT_LADDER_RETRY_SECONDS));
    }

    /** The same settings with another interval for retrying failed ladder postings. */
    public Settings withLadderRetry(java.time.Duration interval) {
        return new Settings(port, databaseUrl, clusterMembers, clusterPort, clusterHost, demo, dataDirectory,
                organizerCode, sessionLifetime, interval);
    }

    /** The names of one setting: its flag and its environment variable. */
    public record Name(String flag, String env) {
        @Override
        public String toString() {
            return env == null ? flag : flag + " (" + env + ")";
        }
    }

    public static final Name PORT = new Name("--port", "PORT");
    public static final Name DATABASE_URL = new Name("--database-url", "DATABASE_URL");
    public static final Name CLUSTER_MEMBERS = new Name("--cluster-members", "CLUSTER_MEMBERS");
    public static final Name CLUSTER_PORT = new Name("--cluster-port", "CLUSTER_PORT");
    public static final Name CLUSTER_HOST = new Name("--cluster-host", "CLUSTER_HOST");
    public static final Name DATA_DIR = new Name("--data-dir", "JIANGXIN_DATA_DIR");
    public static final Name ORGANIZER_CODE = new Name("--organizer-code", "ORGANIZER_CODE");
    public static final Name SESSION_HOURS = new Name("--session-hours", "SESSION_HOURS");
    public static final int DEFAULT_SESSION_HOURS = 12;
    public static final Name LADDER_RETRY_SECONDS = new Name("--ladder-retry-seconds", "LADDER_RETRY_SECONDS");
    public static final int DEFAULT_LADDER_RETRY_SECONDS = 60;

    /**
     * @param flags the values given as flags, by flag name; absent or null when not given
     * @param env the process environment
     */
    public static Settings resolve(Map<String, String> flags, Map<String, String> env, boolean demo) {
        int port = setting(PORT, flags, env, Settings::parsePort, DEFAULT_PORT);
        DatabaseUrl databaseUrl = setting(DATABASE_URL, flags, env, DatabaseUrl::parse, null);
        List<ClusterAddress> members = setting(CLUSTER_MEMBERS, flags, env, Settings::parseMembers, List.of());
        int clusterPort = setting(CLUSTER_PORT, flags, env, Settings::parsePort, DEFAULT_CLUSTER_PORT);
        String clusterHost = setting(CLUSTER_HOST, flags, env, Settings::parseHost, DEFAULT_CLUSTER_HOST);
        Path dataDirectory = setting(DATA_DIR, flags, env, Path::of, Path.of("data"));
        String organizerCode = setting(ORGANIZER_CODE, flags, env, Settings::parseCode, null);
        int sessionHours = setting(SESSION_HOURS, flags, env, value -> parseWhole(value, 1, 24 * 7),
                DEFAULT_SESSION_HOURS);
        int ladderRetrySeconds = setting(LADDER_RETRY_SECONDS, flags, env, value -> parseWhole(value, 1, 24 * 3600),
                DEFAULT_LADDER_RETRY_SECONDS);
        return new Settings(port, databaseUrl, members, clusterPort, clusterHost, demo, dataDirectory, organizerCode,
                java.time.Duration.ofHours(sessionHours), java.time.Duration.ofSeconds(ladderRetrySeconds));
    }

    private static int parseWhole(String value, int min, int max) {
        int number;
        try {
            number = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' 不是整数 / is not a whole number");
        }
        if (number < min || number > max) {
            throw new IllegalArgumentException(number + " 不在 " + min + "–" + max + " 之间 / is not between " + min
                    + " and " + max);
        }
        return number;
    }

    static int parsePort(String value) {
        int port;
        try {
            port = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' 不是整数 / is not a whole number");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(port + " 不在 0–65535 之间 / is not between 0 and 65535");
        }
        return port;
    }

    private static List<ClusterAddress> parseMembers(String value) {
        List<ClusterAddress> members = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                members.add(ClusterAddress.parse(part));
            }
        }
        return members;
    }

    private static String parseCode(String value) {
        String code = value.strip();
        if (code.length() < 8 || code.length() > 64 || !code.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new IllegalArgumentException("须为 8–64 个可见 ASCII 字符 / must be 8 to 64 visible ASCII characters");
        }
        return code;
    }

    private static String parseHost(String value) {
        if (value.isBlank() || value.contains(" ") || value.contains("/")) {
            throw new IllegalArgumentException("'" + value + "' 不是主机地址 / is not a host address");
        }
        return value.trim();
    }

    private static <T> T setting(Name name, Map<String, String> flags, Map<String, String> env,
                                 Function<String, T> parser, T fallback) {
        String raw = flags.get(name.flag());
        if (raw == null && name.env() != null) {
            raw = env.get(name.env());
        }
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            return parser.apply(raw);
        } catch (IllegalArgumentException e) {
            throw new SettingException("配置项 " + name + " 无效 / invalid setting " + name + ": " + e.getMessage());
        }
    }
}
