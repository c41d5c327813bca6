package io.jiangxin.server;

import io.jiangxin.app.PersonalData;
import io.jiangxin.app.ladder.ResultPoints;
import io.jiangxin.cluster.LiveHealing;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's timers, on a context of their own so that no request's event loop runs them: the ladder postings
 * retried after a failed sign-off, the live states healed after member changes, and the personal-data retention
 * sweep. Undeploying it stops them all.
 */
final class PeriodicWork extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicWork.class);
    static final long RETENTION_SWEEP_MS = 6 * 3600 * 1000L;

    private final ResultPoints resultPoints;
    private final Duration ladderRetry;
    private final LiveHealing healing;
    private final PersonalData personalData;
    private final boolean retention;

    PeriodicWork(ResultPoints resultPoints, Duration ladderRetry, LiveHealing healing, PersonalData personalData,
                 boolean retention) {
        this.resultPoints = resultPoints;
        this.ladderRetry = ladderRetry;
        this.healing = healing;
        this.personalData = personalData;
        this.retention = retention;
    }

    @Override
    public Future<?> start() {
        healing.start();
        // Postings that failed at sign-off are retried on every node; posting is idempotent under advisory locks.
        long retryMillis = ladderRetry.toMillis();
        vertx.setPeriodic(retryMillis, retryMillis, id -> resultPoints.retryUnposted());
        if (retention) {
            // Anonymising is idempotent, so every node may sweep; at start and then every six hours.
            vertx.setPeriodic(1_000, RETENTION_SWEEP_MS, id -> personalData.applyRetention()
                    .onFailure(e -> LOG.warn("retention sweep failed: {}", e.toString())));
        }
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        // The verticle's own timers go with it; healing also listens to the cluster.
        healing.stop();
        return Future.succeededFuture();
    }
}
