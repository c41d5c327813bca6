package io.jiangxin.app;

import io.jiangxin.auth.Principal;
import io.jiangxin.judging.EventViewer;
import io.jiangxin.judging.LogChain;
import io.jiangxin.judging.LogEntry;
import io.jiangxin.paging.Page;
import io.jiangxin.paging.PageRequest;
import io.jiangxin.storage.AppealStore;
import io.jiangxin.storage.JudgingStore;
import io.jiangxin.storage.ReviewStore;
import io.jiangxin.storage.ScoreLogStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/** The stored facts that judging's read routes and exports decide on: who is asking, the log, appeals, assignments. */
public final class JudgingReads {

    private final JudgingStore judging;
    private final ScoreLogStore log;
    private final AppealStore appeals;
    private final ReviewStore reviews;

    public JudgingReads(JudgingStore judging, ScoreLogStore log, AppealStore appeals, ReviewStore reviews) {
        this.judging = judging;
        this.log = log;
        this.appeals = appeals;
        this.reviews = reviews;
    }

    /** The event's facts, panel and entries as this account may see them; 403 for another contest's account. */
    public Future<EventViewer> viewer(Principal who, long eventId) {
        return judging.facts(eventId).compose(facts -> Future.all(judging.panel(judging.pool(), eventId),
                        judging.entries(judging.pool(), eventId))
                .map(loaded -> EventViewer.of(who, facts, loaded.resultAt(0), loaded.resultAt(1))));
    }

    /** The entries assigned to this judge in a document round, or null when the event has no assignment. */
    public Future<Set<Long>> assignedTo(long eventId, long judgeId) {
        return reviews.assignedTo(judging.pool(), eventId, judgeId);
    }

    public Future<List<JsonObject>> appeals(long eventId) {
        return appeals.ofEvent(judging.pool(), eventId).map(list -> list.stream().map(AppealStore.Appeal::view).toList());
    }

    public Future<Page<LogEntry>> audit(long eventId, Long registrationId, Long judgeId, Long actorId,
                                        PageRequest page) {
        return log.audit(judging.pool(), eventId, registrationId, judgeId, actorId, page);
    }

    public Future<LogChain> chain(long eventId) {
        return log.readChain(judging.pool(), eventId);
    }

    /** The logs this node found broken, with where each breaks. */
    public io.jiangxin.storage.BrokenLog brokenLogs() {
        return log.brokenLogs();
    }
}
