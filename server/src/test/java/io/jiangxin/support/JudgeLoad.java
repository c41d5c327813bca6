package io.jiangxin.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Judges' tablets under faults: each client keeps correcting one mark, and retries every request with its own
 * Idempotency-Key against the next node until it is acknowledged, as the console's outbox does.
 */
public final class JudgeLoad {

    /** One tablet: a judge's session on one sheet, and the nodes it may send to. */
    public record Client(List<Http> nodes, String sheetPath, String aspectId) {
    }

    /** An acknowledged request and the sequence numbers its answer gave. */
    public record Ack(String key, int status, List<Long> seqs) {
    }

    public final List<Ack> acks = Collections.synchronizedList(new ArrayList<>());
    public final AtomicInteger unavailable = new AtomicInteger();
    public final AtomicInteger connectionErrors = new AtomicInteger();
    public final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    public JudgeLoad(List<Client> clients) {
        for (Client client : clients) {
            Thread thread = new Thread(() -> run(client), "judge-load");
            thread.setDaemon(true);
            threads.add(thread);
        }
    }

    public JudgeLoad start() {
        threads.forEach(Thread::start);
        return this;
    }

    /** Stops sending new marks, and waits for every request in flight to be acknowledged. */
    public void finish() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(120_000);
        }
    }

    private void run(Client client) {
        int sent = 0;
        int target = 0;
        while (running.get()) {
            String value = sent++ % 2 == 0 ? "5" : "5.5";
            JsonObject body = new JsonObject().put("marks", new JsonArray().add(new JsonObject()
                    .put("aspectId", client.aspectId()).put("value", value)));
            String key = UUID.randomUUID().toString();
            long deadline = System.currentTimeMillis() + 90_000;
            while (System.currentTimeMillis() < deadline) {
                Http node = client.nodes().get(target++ % client.nodes().size());
                try {
                    Http.Reply reply = node.key(key).post(client.sheetPath(), body);
                    if (reply.status() == 200 || reply.status() == 201) {
                        List<Long> seqs = new ArrayList<>();
                        reply.json().getJsonArray("marks").forEach(m -> {
                            Long seq = ((JsonObject) m).getLong("seq");
                            if (seq != null) {
                                seqs.add(seq);
                            }
                        });
                        acks.add(new Ack(key, reply.status(), seqs));
                        break;
                    }
                    if (reply.status() == 503) {
                        unavailable.incrementAndGet();
                    } else {
                        unexpected.add(reply.status() + " " + reply.body());
                        break;
                    }
                } catch (IllegalStateException connectionFailed) {
                    connectionErrors.incrementAndGet();
                }
                pause();
            }
        }
    }

    /** A tablet's pace between two requests: the load it makes, not a wait for anything (the tests await acks). */
    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
