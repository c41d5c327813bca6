package io.jiangxin.app.ladder;

import io.jiangxin.problem.Problem;
import io.jiangxin.registry.FieldError;
import io.jiangxin.storage.ladder.LadderStores;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** 师带徒: pairs with goals, and progress on them; the mentor's points are posted as progress is recorded. */
public record LadderMentoring(LadderStores stores, LadderReconciliation reconciliation, Clock clock) {

    public Future<JsonObject> createMentorship(long mentorId, long apprenticeId, LocalDate startedOn, LocalDate endedOn,
                                               JsonArray goals) {
        return stores.mentorships().insertMentorship(stores.pool(), mentorId, apprenticeId, startedOn, endedOn, goals)
                .compose(id -> reconciliation.reconcileAll(List.of(mentorId)).compose(n -> mentorshipView(id)));
    }

    public Future<JsonObject> recordProgress(long mentorshipId, String kind, LocalDate date, String grade,
                                             String honourLevel, String description, String evidenceRef) {
        return stores.mentorships().mentorship(stores.pool(), mentorshipId).compose(m -> {
            if (date.isBefore(m.startedOn())) {
                throw Problem.invalid(List.of(new FieldError("date", "早于师带徒开始日期 " + m.startedOn()
                        + " / before the mentorship started on " + m.startedOn())));
            }
            return stores.mentorships().insertProgress(stores.pool(), mentorshipId, kind, date, grade, honourLevel,
                            description, evidenceRef)
                    .compose(id -> reconciliation.reconcileAll(List.of(m.mentorId())))
                    .compose(posted -> mentorshipView(mentorshipId).map(view -> view.put("posted", posted)));
        });
    }

    /** The pair with names, each goal's status today, and its progress. */
    public Future<JsonObject> mentorshipView(long id) {
        return stores.mentorships().mentorship(stores.pool(), id).compose(m -> stores.people().people(stores.pool(),
                List.of(m.mentorId(), m.apprenticeId())).map(people -> LadderViews.mentorship(m,
                LadderFacts.names(people), LadderCalendar.today(clock), LadderFacts.mentorship(m))));
    }
}
