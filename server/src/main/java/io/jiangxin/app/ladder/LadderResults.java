package io.jiangxin.app.ladder;

import io.jiangxin.ladder.ContestClass;
import io.jiangxin.ladder.Level;
import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.storage.ladder.LadderStores;
import io.jiangxin.storage.ladder.ResultFactStore.ResultRow;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Contest results from outside Jiangxin (for example a provincial contest) and their corrections, as revisions of
 * one event key {@code X:<eventRef>}; results judged in Jiangxin come from {@link ResultPoints}.
 */
public record LadderResults(LadderStores stores, LadderReconciliation reconciliation, Clock clock) {

    /** A result as the organizer records it. */
    public record NewResult(long personId, String eventRef, String eventName, String trade, Level level,
                            ContestClass contestClass, int rank, String award, LocalDate heldOn) {
    }

    /**
     * The first record of a result keeps its day; a correction is a new revision signed off today, held on the day
     * the first was. The same result again is a 409.
     */
    public Future<JsonObject> recordResult(NewResult draft) {
        String key = "X:" + draft.eventRef();
        return stores.pool().withTransaction(conn -> stores.people().person(conn, draft.personId())
                        .compose(p -> stores.results().advisoryLock(conn, "ladder-result/" + key))
                        .compose(v -> stores.results().resultsOfEvent(conn, key))
                        .compose(existing -> {
                            Optional<ResultRow> latest = existing.stream()
                                    .filter(r -> r.personId() == draft.personId())
                                    .max(Comparator.comparing(ResultRow::revision));
                            if (latest.isPresent() && Objects.equals(latest.get().rank(), draft.rank())
                                    && latest.get().award().equals(draft.award())
                                    && latest.get().level() == draft.level()
                                    && latest.get().contestClass() == draft.contestClass()) {
                                throw new Problem(ErrorCode.DUPLICATE_RESULT,
                                        "该成绩已登记 / this result is already recorded");
                            }
                            ResultRow row = new ResultRow(0, draft.personId(), key, null, draft.eventName(),
                                    draft.trade(), draft.level(), draft.contestClass(), draft.rank(), draft.award(),
                                    latest.map(ResultRow::heldOn).orElse(draft.heldOn()),
                                    latest.isPresent() ? LadderCalendar.today(clock) : draft.heldOn(),
                                    latest.map(r -> r.revision() + 1).orElse(0), "RECORDED");
                            return stores.results().insertResult(conn, row).map(v -> row);
                        }))
                .compose(row -> reconciliation.reconcileAll(List.of(row.personId()))
                        .map(posted -> LadderViews.result(row).put("posted", posted)));
    }
}
