package io.jiangxin.server;

import io.jiangxin.server.config.Operations;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.PemKeyCertOptions;

/**
 * HTTPS on the server's one port (WebSockets become WSS with it), the plain HTTP port that only redirects to it,
 * and HSTS. Tablets need HTTPS: browsers give the judge console its service worker, and so its offline outbox, only
 * on a secure origin.
 */
final class Https {

    private Https() {
    }

    static void secure(HttpServerOptions options, Operations ops) {
        options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                .setCertPath(ops.tlsCert().toString()).setKeyPath(ops.tlsKey().toString()));
    }

    /** Adds {@code Strict-Transport-Security} to every answer when a max-age is set. */
    static Handler<HttpServerRequest> withHsts(Handler<HttpServerRequest> next, long maxAgeSeconds) {
        if (maxAgeSeconds <= 0) {
            return next;
        }
        String value = "max-age=" + maxAgeSeconds;
        return request -> {
            request.response().putHeader("Strict-Transport-Security", value);
            next.handle(request);
        };
    }

    /**
     * Answers everything with 308 to the same host, path and query on the HTTPS port (308 keeps the method and body,
     * so a POST is not turned into a GET).
     */
    static HttpServer redirectServer(Vertx vertx, int httpsPort) {
        return vertx.createHttpServer().requestHandler(request -> {
            String authority = request.authority() == null ? "localhost" : request.authority().host();
            if (authority.contains(":") && !authority.startsWith("[")) {
                authority = "[" + authority + "]";
            }
            String location = "https://" + authority + (httpsPort == 443 ? "" : ":" + httpsPort) + request.uri();
            request.response().setStatusCode(308).putHeader("Location", location)
                    .putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end("请使用 HTTPS / use HTTPS: " + location);
        });
    }
}
