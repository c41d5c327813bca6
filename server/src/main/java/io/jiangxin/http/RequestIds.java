package io.jiangxin.http;

import io.vertx.ext.web.RoutingContext;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a plain token (a load balancer's, say),
 * else a new one. The id is answered in {@code X-Request-Id}, named in the access log line of every write and
 * server error, and stored with each score-log record the request appends, so a mark can be followed from the
 * tablet through the logs to the record.
 */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    private static final String KEY = "requestId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger ACCESS = LoggerFactory.getLogger("io.jiangxin.http.access");

    private RequestIds() {
    }

    static void handle(RoutingContext ctx) {
        String given = ctx.request().getHeader(HEADER);
        String id = given != null && ACCEPTED.matcher(given).matches() ? given : fresh();
        ctx.put(KEY, id);
        ctx.response().putHeader(HEADER, id);
        long started = System.nanoTime();
        ctx.addEndHandler(done -> {
            int status = ctx.response().getStatusCode();
            String method = ctx.request().method().name();
            boolean read = "GET".equals(method) || "HEAD".equals(method);
            // Reads are the board viewers' and screens' polling: only writes and server errors are worth a line.
            var line = read && status < 500 ? ACCESS.atDebug() : ACCESS.atInfo();
            line.addKeyValue(KEY, id).addKeyValue("method", method).addKeyValue("path", ctx.request().path())
                    .addKeyValue("status", status).addKeyValue("ms", (System.nanoTime() - started) / 1_000_000)
                    .log("{} {} {}", method, ctx.request().path(), status);
        });
        ctx.next();
    }

    /** The request's id; null outside a request. */
    static String of(RoutingContext ctx) {
        return ctx.get(KEY);
    }

    private static String fresh() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
