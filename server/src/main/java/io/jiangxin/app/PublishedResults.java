package io.jiangxin.app;

import io.jiangxin.results.ResultsContest;
import io.jiangxin.results.ResultsEvent;
import io.jiangxin.problem.Problem;
import io.jiangxin.auth.AccountKind;
import io.jiangxin.auth.PanelRole;
import io.jiangxin.auth.Principal;
import io.jiangxin.results.EventResult;
import io.jiangxin.results.PublicationStatus;
import io.jiangxin.storage.JudgingStore;
import io.jiangxin.storage.PublicationStore;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may read which results. Everyone reads published events (公示中 or final) with names, scores and awards.
 * Before publication the public sees an event's name and state only; organizers, the event's head judge and the
 * contest's arbiters (the audience of the jury standings) read the results marked provisional, with names only as
 * the anonymity rule allows: organizers always, the others once the head judge has signed off. Training assessments
 * (培训考核) are never public.
 */
public final class PublishedResults {

    /** What a reader is shown of one event; {@code result} is null when they may not see it (or there is none). */
    public record EventView(ResultsEvent event, PublicationStatus status, EventResult result, boolean provisional,
                            boolean namesShown) {
    }

    /** A contest's events as a reader is shown them, in event order. */
    public record ContestView(ResultsContest contest, List<EventView> events) {
    }

    private final PublicationStore store;
    private final JudgingStore judging;
    private final EventResults results;
    private final Publications publications;

    public PublishedResults(PublicationStore store, JudgingStore judging, EventResults results,
                            Publications publications) {
        this.store = store;
        this.judging = judging;
        this.results = results;
        this.publications = publications;
    }

    public Future<EventView> event(Principal who, long eventId) {
        Instant now = publications.clock().instant();
        return store.event(store.pool(), eventId, false).compose(event -> {
            if (event.training() && !organizer(who)) {
                throw Publications.privateResults("赛项 " + eventId, "event " + eventId);
            }
            return Future.all(store.status(store.pool(), eventId, now), jury(who, event)).compose(done -> {
                PublicationStatus status = done.resultAt(0);
                boolean jury = done.resultAt(1);
                return view(event, status, jury, organizer(who) || event.signedOffAt() != null);
            });
        });
    }

    /** Every event of the contest; before publication only organizers read more than the name and state. */
    public Future<ContestView> contest(Principal who, long contestId) {
        Instant now = publications.clock().instant();
        return store.contest(store.pool(), contestId).compose(contest -> {
            if (contest.training() && !organizer(who)) {
                throw Publications.privateResults("竞赛 " + contestId, "contest " + contestId);
            }
            return store.eventsOfContest(store.pool(), contestId).compose(events -> store.statuses(store.pool(),
                    events.stream().map(ResultsEvent::eventId).toList(), now).compose(statuses -> {
                        List<Future<EventView>> views = new ArrayList<>();
                        for (ResultsEvent event : events) {
                            views.add(view(event, statuses.get(event.eventId()), organizer(who), organizer(who)));
                        }
                        return Future.all(views).map(done -> new ContestView(contest,
                                views.stream().map(Future::result).toList()));
                    }));
        });
    }

    private Future<EventView> view(ResultsEvent event, PublicationStatus status, boolean privileged, boolean names) {
        if (!status.published() && !privileged) {
            return Future.succeededFuture(new EventView(event, status, null, false, false));
        }
        return results.of(event.eventId())
                .recover(e -> e instanceof Problem p && "NO_SCHEME".equals(p.code())
                        ? Future.succeededFuture(null) : Future.failedFuture(e))
                .map(result -> status.published()
                        ? new EventView(event, status, result, false, true)
                        : new EventView(event, status, result, true, names));
    }

    /** An organizer, the event's head judge, or an arbiter of its contest. */
    private Future<Boolean> jury(Principal who, ResultsEvent event) {
        if (who == null) {
            return Future.succeededFuture(false);
        }
        if (who.is(AccountKind.ORGANIZER)) {
            return Future.succeededFuture(true);
        }
        if (who.is(AccountKind.ARBITER)) {
            return Future.succeededFuture(who.contestId() != null && who.contestId() == event.contestId());
        }
        return judging.panel(judging.pool(), event.eventId()).map(panel -> panel.stream()
                .anyMatch(m -> m.accountId() == who.accountId() && m.role() == PanelRole.HEAD_JUDGE));
    }

    private static boolean organizer(Principal who) {
        return who != null && who.is(AccountKind.ORGANIZER);
    }
}
