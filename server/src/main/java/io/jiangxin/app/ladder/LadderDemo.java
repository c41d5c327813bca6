package io.jiangxin.app.ladder;

import io.jiangxin.problem.Problem;
import io.jiangxin.fixtures.DemoLadder;
import io.jiangxin.ladder.ContestClass;
import io.jiangxin.ladder.Level;
import io.jiangxin.storage.ladder.EvidenceStore.EvidenceRow;
import io.jiangxin.storage.ladder.LadderStores;
import io.jiangxin.storage.ladder.ResultFactStore.ResultRow;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads {@link DemoLadder} after the demo season: its configuration (once), and the workers' tier holdings, earlier
 * results, evidence and mentoring. Every row is skipped when already present, so loading twice adds nothing.
 */
public final class LadderDemo {

    private final LadderApplication ladder;
    private final LadderStores stores;

    public LadderDemo(LadderApplication ladder) {
        this.ladder = ladder;
        this.stores = ladder.stores();
    }

    public Future<JsonObject> load() {
        Set<Long> people = new TreeSet<>();
        int[] added = new int[1];
        return config()
                .compose(v -> sequence(DemoLadder.holdings(), row -> person(row.organization(), row.employeeNo())
                        .compose(id -> stores.holdings().holdings(stores.pool(), List.of(id)).compose(existing -> {
                            people.add(id);
                            if (existing.stream().anyMatch(h -> h.ladderId().equals(row.ladder()))) {
                                return Future.succeededFuture();
                            }
                            added[0]++;
                            return stores.holdings().insertHolding(stores.pool(), row.ladder(), id, row.tier(),
                                    LocalDate.parse(row.since()), row.basis(), null, null).mapEmpty();
                        }))))
                .compose(v -> sequence(DemoLadder.results(), row -> person(row.organization(), row.employeeNo())
                        .compose(id -> {
                            people.add(id);
                            LocalDate held = LocalDate.parse(row.heldOn());
                            return stores.results().insertResult(stores.pool(), new ResultRow(0, id, "X:" + row.eventRef(),
                                    null, row.eventName(), row.trade(), Level.valueOf(row.level()),
                                    ContestClass.valueOf(row.contestClass()), row.rank(), row.award(), held, held, 0,
                                    "RECORDED")).map(inserted -> added[0] += inserted ? 1 : 0).mapEmpty();
                        })))
                .compose(v -> sequence(DemoLadder.evidence(), row -> person(row.organization(), row.employeeNo())
                        .compose(id -> {
                            people.add(id);
                            LocalDate on = LocalDate.parse(row.effectiveOn());
                            return ignoreDuplicate(stores.evidence().insertEvidence(stores.pool(), new EvidenceRow(0, id,
                                    row.kind(), row.reference(), row.qualifier(), row.title(), null, null,
                                    row.hours() == null ? null : new BigDecimal(row.hours()), on, on), null)
                                    .map(e -> added[0]++).mapEmpty());
                        })))
                .compose(v -> sequence(DemoLadder.mentorships(), row -> person(row.organization(), row.mentorEmployeeNo())
                        .compose(mentor -> person(row.organization(), row.apprenticeEmployeeNo()).compose(apprentice -> {
                            people.add(mentor);
                            JsonArray goals = new JsonArray().add(new JsonObject().put("goalId", "G1")
                                    .put("description", row.goal()).put("targetGrade", row.goalGrade())
                                    .put("dueBy", row.goalDueBy()));
                            return ignoreDuplicate(stores.mentorships().insertMentorship(stores.pool(), mentor, apprentice,
                                    LocalDate.parse(row.startedOn()), null, goals).map(id -> added[0]++).mapEmpty());
                        }))))
                .compose(v -> ladder.reconciliation().reconcileAll(people))
                .map(posted -> new JsonObject().put("config", DemoLadder.CODE).put("rows", added[0])
                        .put("entries", posted));
    }

    private Future<Void> config() {
        return stores.configs().currentConfigs(stores.pool()).compose(configs -> {
            if (configs.stream().anyMatch(c -> c.code().equals(DemoLadder.CODE))) {
                return Future.succeededFuture();
            }
            return stores.people().organizationIdByName(stores.pool(), DemoLadder.OWNER).compose(ids -> ladder
                    .configurations().importConfig(null, DemoLadder.CODE, ids.get(0), true, DemoLadder.config()))
                    .mapEmpty();
        });
    }

    private Future<Long> person(String organization, String employeeNo) {
        return stores.people().personByEmployeeNo(stores.pool(), organization, employeeNo).map(id -> {
            if (id == null) {
                throw new IllegalStateException("demo ladder: no person " + employeeNo + " in " + organization);
            }
            return id;
        });
    }

    private static Future<Void> ignoreDuplicate(Future<Void> insert) {
        return insert.recover(e -> e instanceof Problem p && p.status() == 409 ? Future.succeededFuture()
                : Future.failedFuture(e));
    }

    private static <T> Future<Void> sequence(List<T> rows, java.util.function.Function<T, Future<Void>> step) {
        Future<Void> chain = Future.succeededFuture();
        for (T row : new ArrayList<>(rows)) {
            chain = chain.compose(v -> step.apply(row));
        }
        return chain;
    }
}
