package io.jiangxin.storage;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code postgresql://user[:password]@host[:port]/database}, the form DESIGN.md fixes for DATABASE_URL. */
public record DatabaseUrl(String user, String password, String host, int port, String database) {

    public static DatabaseUrl parse(String value) {
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("不是有效的 URL / not a valid URL: " + e.getReason());
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException("协议须为 postgresql:// / the scheme must be postgresql://");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("缺少主机名 / the host is missing");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        if (database.isEmpty() || database.contains("/")) {
            throw new IllegalArgumentException("缺少数据库名 / the database name is missing");
        }
        String user = "postgres";
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        return new DatabaseUrl(user, password, uri.getHost(), port, database);
    }

    public String jdbcUrl() {
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(host).append(':').append(port)
                .append('/').append(database).append("?user=").append(encode(user));
        if (password != null) {
            url.append("&password=").append(encode(password));
        }
        return url.toString();
    }

    public DatabaseUrl withDatabase(String otherDatabase) {
        return new DatabaseUrl(user, password, host, port, otherDatabase);
    }

    /** The URL without its password, for logs and /health. */
    @Override
    public String toString() {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
