package io.jiangxin.load;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

/**
 * bench-judging's HTTP ceiling: what Vert.x itself does on this machine. One verticle instance per core, all on one
 * port, each reading a POST's whole body and answering 201 with a JSON body of the size asked. No routing, no
 * authentication, no database.
 */
public final class BareHttpServer extends VerticleBase {

    private final int port;
    private final Buffer answer;

    private BareHttpServer(int port, Buffer answer) {
        this.port = port;
        this.answer = answer;
    }

    /** {@code PORT ANSWER_BYTES} */
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Buffer answer = answer(Integer.parseInt(args[1]));
        int instances = Runtime.getRuntime().availableProcessors();
        Vertx vertx = Vertx.vertx();
        vertx.deployVerticle(() -> new BareHttpServer(port, answer), new DeploymentOptions().setInstances(instances))
                .onSuccess(id -> System.out.println(ChildServer.READY + port + " with " + instances
                        + " verticle instances"))
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }

    /** A JSON object of exactly {@code bytes} bytes (at least its smallest form, {@code {"pad":""}}). */
    static Buffer answer(int bytes) {
        String empty = "{\"pad\":\"\"}";
        return Buffer.buffer("{\"pad\":\"" + "x".repeat(Math.max(0, bytes - empty.length())) + "\"}");
    }

    @Override
    public Future<?> start() {
        return vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> request.response()
                .setStatusCode(201).putHeader("Content-Type", "application/json").end(answer))).listen(port);
    }
}
