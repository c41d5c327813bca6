package io.jiangxin.server.config;

import io.jiangxin.storage.DatabaseUrl;

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
 * @param certificateFont the CJK TrueType font for certificates, {@code FILE} or {@code FILE#Face}; null searches
 *                        the default list ({@code io.jiangxin.certificates.print.CertificateFont})
 * @param publicUrl the address certificates print for verification ({@code https://host}); null uses the request's
 * @param ladderRetry    how often each node retries ladder postings that failed at sign-off
 * @param operations     HTTPS and the other settings of docs/operations.md
 */
public record Settings(int port, DatabaseUrl databaseUrl, List<ClusterAddress> clusterMembers, int clusterPort,
                       String clusterHost, boolean demo, Path dataDirectory, String organizerCode,
                       java.time.Duration sessionLifetime, String certificateFont, String publicUrl,
                       java.time.Duration ladderRetry, Operations operations) {

    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_CLUSTER_PORT = 5701;
    public static final String DEFAULT_CLUSTER_HOST = "127.0.0.1";

    public Settings {
        clusterMembers = List.copyOf(clusterMembers);
        operations = operations == null ? Operations.DEFAULTS : operations;
    }

    /** Settings without the operations ones: plain HTTP. */
    public Settings(int port, DatabaseUrl databaseUrl, List<ClusterAddress> clusterMembers, int clusterPort,
                    String clusterHost, boolean demo, Path dataDirectory, String organizerCode,
                    java.time.Duration sessionLifetime, String certificateFont, String publicUrl,
                    java.time.Duration ladderRetry) {
        this(port, databaseUrl, clusterMembers, clusterPort, clusterHost, demo, dataDirectory, organizerCode,
                sessionLifetime, certificateFont, publicUrl, ladderRetry, Operations.DEFAULTS);
    }

    /** The same settings joining these members (found by {@code --cluster-discovery}). */
    public Settings withClusterMembers(List<ClusterAddress> members) {
        return new Settings(port, databaseUrl, members, clusterPort, clusterHost, demo, dataDirectory,
                organizerCode, sessionLifetime, certificateFont, publicUrl, ladderRetry, operations);
    }

    /** What the embedded Hazelcast member takes from these settings. */
    public io.jiangxin.cluster.MemberSettings member() {
        return new io.jiangxin.cluster.MemberSettings(clusterHost, clusterPort,
                clusterMembers.stream().map(ClusterAddress::toString).toList(), operations.clusterFailure());
    }

    /** The same settings with other operations settings (HTTPS, ...). */
    public Settings withOperations(Operations other) {
        return new Settings(port, databaseUrl, clusterMembers, clusterPort, clusterHost, demo, dataDirectory,
                organizerCode, sessionLifetime, certificateFont, publicUrl, ladderRetry, other);
    }

    /** Settings with the defaults of the later ones: the font searched for, the URL taken from the request, the
     * ladder's retry interval at its default. */
    public Settings(int port, DatabaseUrl databaseUrl, List<ClusterAddress> clusterMembers, int clusterPort,
                    String clusterHost, boolean demo, Path dataDirectory, String organizerCode,
                    java.time.Duration sessionLifetime) {
        this(port, databaseUrl, clusterMembers, clusterPort, clusterHost, demo, dataDirectory, organizerCode,
                sessionLifetime, null, null, java.time.Duration.ofSeconds(DEFAULT_LADDER_RETRY_SECONDS));
    }

    /** The same settings with another interval for retrying failed ladder postings. */
    public Settings withLadderRetry(java.time.Duration interval) {
        return new Settings(port, databaseUrl, clusterMembers, clusterPort, clusterHost, demo, dataDirectory,
                organizerCode, sessionLifetime, certificateFont, publicUrl, interval, operations);
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
    public static final Name CERTIFICATE_FONT = new Name("--certificate-font", "CERTIFICATE_FONT");
    public static final Name PUBLIC_URL = new Name("--public-url", "PUBLIC_URL");
    public static final Name LADDER_RETRY_SECONDS = new Name("--ladder-retry-seconds", "LADDER_RETRY_SECONDS");
    public static final int DEFAULT_LADDER_RETRY_SECONDS = 60;
    public static final Name TLS_CERT = new Name("--tls-cert", "TLS_CERT");
    public static final Name TLS_KEY = new Name("--tls-key", "TLS_KEY");
    public static final Name HTTP_REDIRECT_PORT = new Name("--http-redirect-port", "HTTP_REDIRECT_PORT");
    public static final Name HSTS_MAX_AGE = new Name("--hsts-max-age", "HSTS_MAX_AGE");
    public static final Name LOG_FORMAT = new Name("--log-format", "LOG_FORMAT");
    public static final Name CLUSTER_DISCOVERY = new Name("--cluster-discovery", "CLUSTER_DISCOVERY");
    public static final Name CLUSTER_DNS_SERVER = new Name("--cluster-dns-server", "CLUSTER_DNS_SERVER");
    public static final Name CLUSTER_PRIVATE_NETWORK = new Name("--cluster-private-network", "CLUSTER_PRIVATE_NETWORK");
    public static final Name RETENTION_DAYS = new Name("--personal-data-retention-days", "PERSONAL_DATA_RETENTION_DAYS");
    public static final Name CLUSTER_FAILURE_SECONDS = new Name("--cluster-failure-seconds", "CLUSTER_FAILURE_SECONDS");
    public static final Name HTTP_INSTANCES = new Name("--http-instances", "HTTP_INSTANCES");

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
        String certificateFont = setting(CERTIFICATE_FONT, flags, env, Settings::parseFontFile, null);
        String publicUrl = setting(PUBLIC_URL, flags, env, Settings::parsePublicUrl, null);
        int ladderRetrySeconds = setting(LADDER_RETRY_SECONDS, flags, env, value -> parseWhole(value, 1, 24 * 3600),
                DEFAULT_LADDER_RETRY_SECONDS);
        Operations operations = operations(flags, env, port);
        ClusterNetwork.requirePrivate(CLUSTER_HOST, clusterHost, operations.clusterPrivateNetwork());
        for (ClusterAddress member : members) {
            ClusterNetwork.requirePrivate(CLUSTER_MEMBERS, member.host(), operations.clusterPrivateNetwork());
        }
        return new Settings(port, databaseUrl, members, clusterPort, clusterHost, demo, dataDirectory, organizerCode,
                java.time.Duration.ofHours(sessionHours), certificateFont, publicUrl,
                java.time.Duration.ofSeconds(ladderRetrySeconds), operations);
    }

    /** HTTPS: certificate and key together; a redirect port and HSTS only with them. */
    private static Operations operations(Map<String, String> flags, Map<String, String> env, int port) {
        Path cert = setting(TLS_CERT, flags, env, value -> Pem.certificate(Path.of(value)), null);
        Path key = setting(TLS_KEY, flags, env, value -> Pem.privateKey(Path.of(value)), null);
        if ((cert == null) != (key == null)) {
            Name missing = cert == null ? TLS_CERT : TLS_KEY;
            throw new SettingException("配置项 " + missing + " 缺失 / missing setting " + missing + ": "
                    + TLS_CERT.flag() + " 与 " + TLS_KEY.flag() + " 须同时给出 / are given together");
        }
        Integer redirect = setting(HTTP_REDIRECT_PORT, flags, env, Settings::parsePort, null);
        long hsts = setting(HSTS_MAX_AGE, flags, env, value -> (long) parseWhole(value, 0, 2 * 365 * 24 * 3600), 0L);
        requireTls(HTTP_REDIRECT_PORT, redirect != null, cert != null);
        requireTls(HSTS_MAX_AGE, hsts > 0, cert != null);
        if (redirect != null && redirect != 0 && redirect == port) {
            throw new SettingException("配置项 " + HTTP_REDIRECT_PORT + " 无效 / invalid setting " + HTTP_REDIRECT_PORT
                    + ": 不能与 HTTPS 端口相同 / must differ from the HTTPS port " + port);
        }
        Operations.LogFormat logFormat = setting(LOG_FORMAT, flags, env, Settings::parseLogFormat,
                Operations.LogFormat.TEXT);
        Integer retentionDays = setting(RETENTION_DAYS, flags, env, value -> parseWhole(value, 1, 36_500), null);
        String discovery = setting(CLUSTER_DISCOVERY, flags, env, ClusterDiscovery::parse, null);
        String dnsServer = setting(CLUSTER_DNS_SERVER, flags, env, Settings::parseHostPort, null);
        boolean privateNetwork = setting(CLUSTER_PRIVATE_NETWORK, flags, env, Settings::parseBoolean, false);
        int clusterFailureSeconds = setting(CLUSTER_FAILURE_SECONDS, flags, env, value -> parseWhole(value, 3, 300),
                Operations.DEFAULT_CLUSTER_FAILURE_SECONDS);
        int httpInstances = setting(HTTP_INSTANCES, flags, env,
                value -> parseWhole(value, 1, Operations.MAX_HTTP_INSTANCES), Operations.defaultHttpInstances());
        if (discovery != null && flags.get(CLUSTER_MEMBERS.flag()) != null) {
            throw new SettingException("配置项 " + CLUSTER_DISCOVERY + " 与 " + CLUSTER_MEMBERS + " 只能二选一 / "
                    + CLUSTER_DISCOVERY + " and " + CLUSTER_MEMBERS + " exclude each other");
        }
        if (dnsServer != null && discovery == null) {
            throw new SettingException("配置项 " + CLUSTER_DNS_SERVER + " 无效 / invalid setting " + CLUSTER_DNS_SERVER
                    + ": 需要 / needs " + CLUSTER_DISCOVERY.flag());
        }
        return new Operations(cert, key, redirect, hsts, logFormat,
                retentionDays == null ? null : java.time.Duration.ofDays(retentionDays), discovery, dnsServer,
                privateNetwork, java.time.Duration.ofSeconds(clusterFailureSeconds), httpInstances);
    }

    private static boolean parseBoolean(String value) {
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("'" + value + "' 须为 true 或 false / must be true or false");
        };
    }

    private static String parseHostPort(String value) {
        String v = value.strip();
        if (v.isEmpty() || v.contains("/") || v.contains(" ")) {
            throw new IllegalArgumentException("'" + value + "' 须为 host[:port] / must be host[:port]");
        }
        if (v.contains(":")) {
            ClusterAddress.parse(v);
        }
        return v;
    }

    private static Operations.LogFormat parseLogFormat(String value) {
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "text" -> Operations.LogFormat.TEXT;
            case "json" -> Operations.LogFormat.JSON;
            default -> throw new IllegalArgumentException("'" + value + "' 须为 text 或 json / must be text or json");
        };
    }

    private static void requireTls(Name name, boolean given, boolean tls) {
        if (given && !tls) {
            throw new SettingException("配置项 " + name + " 无效 / invalid setting " + name + ": 需要 "
                    + TLS_CERT.flag() + " 与 " + TLS_KEY.flag() + " / needs HTTPS (" + TLS_CERT.flag() + ", "
                    + TLS_KEY.flag() + ")");
        }
    }

    /** {@code FILE} or {@code FILE#Face}; the file must exist (whether it is usable is checked when printing). */
    static String parseFontFile(String value) {
        String file = value.contains("#") ? value.substring(0, value.indexOf('#')) : value;
        if (!java.nio.file.Files.isReadable(Path.of(file))) {
            throw new IllegalArgumentException("字体文件不存在或不可读 / the font file " + file + " is missing or unreadable");
        }
        return value;
    }

    /** An http(s) address without a trailing slash, as printed on certificates. */
    static String parsePublicUrl(String value) {
        String url = value.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        java.net.URI uri;
        try {
            uri = new java.net.URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("'" + value + "' 不是网址 / is not a URL");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("须为 http(s)://主机[:端口][/路径] / must be http(s)://host[:port][/path]");
        }
        return url;
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
