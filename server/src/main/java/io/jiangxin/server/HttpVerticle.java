package io.jiangxin.server;

import io.jiangxin.http.HeaderDeadline;
import io.jiangxin.http.ServingLoops;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the HTTP server: its own router and its own server on the shared port, on the event loop Vert.x
 * gives this instance. Deployed once per event loop, so the connections are spread over every core; the services
 * behind the routers are shared and keep their work on the calling context.
 */
final class HttpVerticle extends VerticleBase {

    /** Builds one instance's request handler (its router) on that instance's context. */
    interface Handlers {
        Handler<HttpServerRequest> create(Vertx vertx);
    }

    private final HttpServerOptions options;
    private final int port;
    private final Handlers handlers;
    private final ServingLoops loops;
    private final List<HttpServer> servers;

    HttpVerticle(HttpServerOptions options, int port, Handlers handlers, ServingLoops loops,
                 List<HttpServer> servers) {
        this.options = options;
        this.port = port;
        this.handlers = handlers;
        this.loops = loops;
        this.servers = servers;
    }

    /** A list the instances can report their servers to from their own loops. */
    static List<HttpServer> serverList() {
        return new CopyOnWriteArrayList<>();
    }

    @Override
    public Future<?> start() {
        HeaderDeadline headerDeadline = new HeaderDeadline(vertx);
        return vertx.createHttpServer(options)
                .connectionHandler(headerDeadline::connected)
                .requestHandler(loops.counting(headerDeadline.guarding(handlers.create(vertx))))
                .listen(port)
                .onSuccess(servers::add);
    }

    /** Requests in flight may finish (up to {@code drainSeconds}); new ones are refused. */
    static Future<Void> drain(List<HttpServer> servers, long drainSeconds) {
        return Future.all(servers.stream().map(server -> server.shutdown(drainSeconds, TimeUnit.SECONDS)).toList())
                .mapEmpty();
    }
}
