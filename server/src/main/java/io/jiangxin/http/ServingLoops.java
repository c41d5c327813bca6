package io.jiangxin.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Which event loops serve HTTP requests, and how many each has served: {@code /health} shows it, so an operator
 * (and a test) can see that every HTTP verticle instance takes its share of the connections.
 */
public final class ServingLoops {

    private final int instances;
    private final Map<String, LongAdder> requestsByLoop = new ConcurrentHashMap<>();

    public ServingLoops(int instances) {
        this.instances = instances;
    }

    /** {@code handler}, counting each request on the loop that runs it. */
    public Handler<HttpServerRequest> counting(Handler<HttpServerRequest> handler) {
        return request -> {
            requestsByLoop.computeIfAbsent(Thread.currentThread().getName(), loop -> new LongAdder()).increment();
            handler.handle(request);
        };
    }

    JsonObject figures() {
        JsonArray loops = new JsonArray();
        new TreeMap<>(requestsByLoop).forEach((loop, count) -> loops.add(
                new JsonObject().put("loop", loop).put("requests", count.sum())));
        return new JsonObject().put("httpInstances", instances).put("servingLoops", loops.size())
                .put("requestsByLoop", loops);
    }
}
