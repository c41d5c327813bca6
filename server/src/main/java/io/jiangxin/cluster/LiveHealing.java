package io.jiangxin.cluster;

import com.hazelcast.cluster.MembershipAdapter;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every live state equal to its log across member changes. When a member joins or leaves, when the two
 * sides of a split merge, and every few seconds as a safety net, it reconciles the states with their logs' heads
 * ({@link LiveEvents#reconcile}), one pass at a time on its own context.
 */
public final class LiveHealing {

    private static final Logger LOG = LoggerFactory.getLogger(LiveHealing.class);
    /** How often a pass runs with no member change: the bound on how long a missed change can go unnoticed. */
    public static final long SAFETY_NET_MS = 10_000;

    private final Vertx vertx;
    private final HazelcastInstance hazelcast;
    private final LiveEvents live;
    private final Clock clock;
    private Context context;
    private long timer = -1;
    private boolean running;
    private String pending;
    private volatile JsonObject lastPass = new JsonObject();

    public LiveHealing(Vertx vertx, HazelcastInstance hazelcast, LiveEvents live, Clock clock) {
        this.vertx = vertx;
        this.hazelcast = hazelcast;
        this.live = live;
        this.clock = clock;
    }

    public void start() {
        context = vertx.getOrCreateContext();
        // Hazelcast calls these on its own threads; each only asks for a pass on our context.
        hazelcast.getCluster().addMembershipListener(new MembershipAdapter() {
            @Override
            public void memberAdded(MembershipEvent event) {
                afterChange("member " + event.getMember().getAddress() + " joined");
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                afterChange("member " + event.getMember().getAddress() + " left");
            }
        });
        hazelcast.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleEvent.LifecycleState.MERGED) {
                afterChange("merged after a split");
            }
        });
        context.runOnContext(v -> timer = vertx.setPeriodic(SAFETY_NET_MS, id -> request(null)));
    }

    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** The last pass, for {@code /health}: when it ran, what it checked and changed, or why it failed. */
    public JsonObject lastPass() {
        return lastPass;
    }

    /** A change is followed by a pass at once and one more after the merge's own entries have had time to land. */
    private void afterChange(String why) {
        request(why);
        context.runOnContext(v -> vertx.setTimer(HazelcastSetup.MERGE_CHECK_SECONDS * 1000L, id -> request(why)));
    }

    private void request(String why) {
        context.runOnContext(v -> {
            if (running) {
                pending = pending != null ? pending : why == null ? "safety net" : why;
                return;
            }
            pass(why);
        });
    }

    private void pass(String why) {
        running = true;
        Instant started = clock.instant();
        vertx.executeBlocking(live::eventIds, false)
                .compose(live::reconcile)
                .onComplete(done -> {
                    JsonObject figures = new JsonObject().put("at", started.toString());
                    if (done.succeeded()) {
                        LiveEvents.Reconciled r = done.result();
                        figures.put("checked", r.checked()).put("caughtUp", r.caughtUp()).put("dropped", r.dropped());
                        if (why != null || r.caughtUp() + r.dropped() > 0) {
                            LOG.info("live states reconciled with their logs ({}): {} checked, {} caught up, {} dropped",
                                    why == null ? "safety net" : why, r.checked(), r.caughtUp(), r.dropped());
                        }
                    } else {
                        figures.put("failed", String.valueOf(done.cause().getMessage()));
                        LOG.warn("reconciling live states ({}) failed: {}", why, done.cause().toString());
                    }
                    lastPass = figures;
                    running = false;
                    if (pending != null) {
                        String next = pending;
                        pending = null;
                        pass(next);
                    }
                });
    }
}
