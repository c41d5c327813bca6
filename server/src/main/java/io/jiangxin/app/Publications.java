package io.jiangxin.app;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.auth.AccountKind;
import io.jiangxin.auth.Principal;
import io.jiangxin.results.Publication;
import io.jiangxin.results.PublicationStatus;
import io.jiangxin.storage.PublicationStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Publication (公示) of an event's signed-off results: the organizer publishes them for a notice period, during
 * which appeals may be filed (see {@link Appeals}); after it, with no appeal pending, they are final. An upheld
 * appeal withdraws the publication; after a new sign-off the organizer publishes again. Times come from the
 * injected clock, so the notice end is decided the same way in production and in tests.
 */
public final class Publications {

    private final PublicationStore store;
    private final Clock clock;

    public Publications(PublicationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Publishes the event's signed-off results for {@code noticeHours}. The event row is locked, so a sign-off
     * cleared by an appeal ruling at the same moment is either seen here or withdraws this publication.
     */
    public Future<PublicationStatus> publish(Principal who, long eventId, int noticeHours) {
        if (!who.is(AccountKind.ORGANIZER)) {
            return Future.failedFuture(Refusals.wrongRole("ORGANIZER / 组委会"));
        }
        Instant now = clock.instant();
        Instant noticeEndsAt = Publication.noticeEnd(now, noticeHours);
        return store.pool().withTransaction(conn -> store.event(conn, eventId, true)
                .compose(event -> {
                    if (event.training()) {
                        throw trainingIsPrivate(eventId);
                    }
                    if (event.signedOffAt() == null) {
                        throw new Problem(ErrorCode.NOT_SIGNED_OFF, "裁判长尚未签字确认，成绩不能公示 / the head judge has"
                                + " not signed off the event; its results cannot be published");
                    }
                    return store.status(conn, eventId, now).compose(status -> {
                        if (status.published()) {
                            throw new Problem(ErrorCode.ALREADY_PUBLISHED, "该赛项成绩已公示（" + status.state().zh()
                                    + "），不能重复发布 / the event's results are already published ("
                                    + status.state().en() + ")");
                        }
                        return store.insert(conn, eventId, who.accountId(), now, noticeHours, noticeEndsAt,
                                event.signedOffAt());
                    });
                })
                .compose(v -> store.status(conn, eventId, now)));
    }

    /**
     * The event's publication state now, with its history; 404 for an unknown event. A training assessment's is
     * for organizers only (403 {@code PRIVATE_RESULTS} otherwise), since such results never appear publicly.
     */
    public Future<PublicationStatus> status(Principal who, long eventId) {
        Instant now = clock.instant();
        return store.event(store.pool(), eventId, false).compose(event -> {
            if (event.training() && (who == null || !who.is(AccountKind.ORGANIZER))) {
                throw privateResults("赛项 " + eventId, "event " + eventId);
            }
            return store.status(store.pool(), eventId, now);
        });
    }

    /**
     * The event's publication state now, for the server's own use (exports and certificates print it): no role
     * check, since each caller has already decided who may read what it prints.
     */
    public Future<PublicationStatus> current(long eventId) {
        return store.status(store.pool(), eventId, clock.instant());
    }

    /**
     * The state now, inside {@code conn}'s transaction with the event's row locked: an appeal ruling that would
     * withdraw the publication waits for the transaction, so what the caller writes matches the state it read.
     */
    public Future<PublicationStatus> currentLocked(SqlConnection conn, long eventId) {
        return store.event(conn, eventId, true).compose(event -> store.status(conn, eventId, clock.instant()));
    }

    /** The publication state now of several events, by event id; for the server's own use as above. */
    public Future<Map<Long, PublicationStatus>> current(List<Long> eventIds) {
        return store.statuses(store.pool(), eventIds, clock.instant());
    }

    /** The refusal (403) of a training assessment's results to anyone but organizers. */
    static Problem privateResults(String whatZh, String whatEn) {
        return new Problem(ErrorCode.PRIVATE_RESULTS, whatZh + " 为培训考核，成绩仅本人和组委会可见，"
                + "不公开 / " + whatEn + " is a training assessment; its results are private to the worker and the"
                + " organizer and never public");
    }

    /** The refusal for a training assessment (培训考核), whose results are private and never published. */
    static Problem trainingIsPrivate(long eventId) {
        return new Problem(ErrorCode.TRAINING_RESULTS_PRIVATE, "赛项 " + eventId + " 属于培训考核，成绩仅本人和组委会可见，"
                + "不公示 / event " + eventId + " is a training assessment; its results are private to the worker and"
                + " the organizer and are never published");
    }
}
