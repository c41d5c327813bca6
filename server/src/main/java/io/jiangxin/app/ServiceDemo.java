package io.jiangxin.app;

import io.jiangxin.app.ladder.LadderApplication;
import io.jiangxin.storage.ladder.EvidenceStore.EvidenceRow;
import io.jiangxin.auth.Secrets;
import io.jiangxin.fixtures.DemoServicePlatform;
import io.jiangxin.fixtures.DemoServicePlatform.CraftsmanRow;
import io.jiangxin.fixtures.DemoServicePlatform.NeedRow;
import io.jiangxin.service.Urgency;
import io.jiangxin.storage.ServiceStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Loads {@link DemoServicePlatform} after the demo season and ladder: the platform with its chains and teams, the
 * enterprises with their contacts' codes, the craftsmen (demo season people) on the resource list with their worker
 * codes, and a year of needs and orders with their history dated as they happened; each confirmed service is 送技入企
 * evidence, priced into the ladder by the usual reconciliation. Skipped when the platform exists.
 */
public final class ServiceDemo {

    private final ServiceStore store;
    private final LadderApplication ladder;

    public ServiceDemo(ServiceStore store, LadderApplication ladder) {
        this.store = store;
        this.ladder = ladder;
    }

    private record Ids(long platform, long staff, Map<String, Long> chains, Map<String, Long> teams,
                       Map<String, Long> enterprises, Map<String, Long> contacts, Map<String, Long> people,
                       Map<String, Long> craftsmanAccounts) {
    }

    public Future<JsonObject> load() {
        return store.pool().preparedQuery("select id from service_platform where name = $1")
                .execute(Tuple.of(DemoServicePlatform.NAME)).compose(rows -> {
                    if (rows.size() > 0) {
                        return Future.succeededFuture(new JsonObject().put("skipped", true));
                    }
                    int[] services = new int[1];
                    List<Long> people = new ArrayList<>();
                    return store.pool().withTransaction(c -> setUp(c).compose(ids -> {
                        people.addAll(ids.people().values());
                        return sequence(DemoServicePlatform.needs(), row -> need(c, ids, row).map(confirmed -> {
                            services[0] += confirmed ? 1 : 0;
                            return null;
                        }));
                    })).compose(v -> ladder.reconciliation().reconcileAll(people)).map(posted -> new JsonObject()
                            .put("platform", DemoServicePlatform.NAME).put("needs", DemoServicePlatform.needs().size())
                            .put("confirmedServices", services[0]).put("ledgerEntries", posted));
                });
    }

    private Future<Ids> setUp(SqlClient c) {
        Ids ids = new Ids(0, 0, new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(),
                new HashMap<>());
        long[] platform = new long[2];
        return organization(c, DemoServicePlatform.UNION, DemoServicePlatform.REGION)
                .compose(union -> store.insertPlatform(c, union, DemoServicePlatform.NAME, DemoServicePlatform.REGION)
                        .compose(p -> {
                            platform[0] = p.id();
                            return account(c, "UNION_STAFF", "工会助企办 / union service office", union, null,
                                    DemoServicePlatform.STAFF_CODE);
                        }))
                .compose(staff -> {
                    platform[1] = staff;
                    return sequence(DemoServicePlatform.CHAINS, name -> store.insertChain(c, platform[0], name)
                            .map(ch -> ids.chains().put(name, ch.id())));
                })
                .compose(v -> sequence(DemoServicePlatform.teams(), t -> store.insertTeam(c, platform[0], t.name(),
                        t.chain() == null ? null : ids.chains().get(t.chain()), t.region())
                        .map(team -> ids.teams().put(t.name(), team.id()))))
                .compose(v -> sequence(DemoServicePlatform.enterprises(), e -> organization(c, e.name(), e.region())
                        .compose(org -> store.insertEnterprise(c, org, platform[0], ids.chains().get(e.chain()),
                                        e.region(), e.contact(), null)
                                .compose(x -> account(c, "ENTERPRISE", e.contact(), org, null, e.code()))
                                .map(contact -> {
                                    ids.enterprises().put(e.name(), org);
                                    ids.contacts().put(e.name(), contact);
                                    return null;
                                }))))
                .compose(v -> sequence(DemoServicePlatform.craftsmen(), x -> craftsman(c, platform[0], ids, x)))
                .map(v -> new Ids(platform[0], platform[1], ids.chains(), ids.teams(), ids.enterprises(),
                        ids.contacts(), ids.people(), ids.craftsmanAccounts()));
    }

    private Future<Void> craftsman(SqlClient c, long platform, Ids ids, CraftsmanRow x) {
        return ladder.stores().people().personByEmployeeNo(c, x.organization(), x.employeeNo()).compose(person -> {
            if (person == null) {
                throw new IllegalStateException("demo platform: no person " + x.employeeNo() + " in " + x.organization());
            }
            ids.people().put(x.employeeNo(), person);
            return store.upsertExpert(c, person, platform, ids.teams().get(x.team()),
                            x.chains().stream().map(ids.chains()::get).toList(), List.of(), x.specialties(), x.honours(),
                            x.region(), true, 3)
                    .compose(v -> c.preparedQuery("insert into account (kind, display_name, person_id, code_hash)"
                                    + " select 'COMPETITOR', p.name, p.id, $2 from person p where p.id = $1"
                                    + " on conflict (person_id) where kind = 'COMPETITOR' do nothing")
                            .execute(Tuple.of(person, Secrets.sha256(Secrets.normalizeCode(x.code())))))
                    .compose(v -> c.preparedQuery("select id from account where kind = 'COMPETITOR' and person_id = $1")
                            .execute(Tuple.of(person)))
                    .map(rows -> {
                        ids.craftsmanAccounts().put(x.employeeNo(), rows.iterator().next().getLong(0));
                        return null;
                    });
        });
    }

    /** One need with its order and history; true when its service was confirmed (and became evidence). */
    private Future<Boolean> need(SqlClient c, Ids ids, NeedRow n) {
        long org = ids.enterprises().get(n.enterprise());
        long contact = ids.contacts().get(n.enterprise());
        LocalDate submitted = LocalDate.parse(n.submittedOn());
        String source = n.title().hashCode() % 5 == 0 ? "VISIT" : "ONLINE";
        return c.preparedQuery("insert into service_need (platform_id, organization_id, title, description, chain_id,"
                        + " kind, mode, urgency, place, source, state, created_by, submitted_on, created_at)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) returning id")
                .execute(Tuple.from(new Object[] {ids.platform(), org, n.title(), n.description(),
                        ids.chains().get(n.chain()), n.kind(), n.mode(), n.urgency(), n.enterprise() + "厂区", source,
                        n.outcome(), contact, submitted, at(submitted)}))
                .compose(rows -> {
                    long need = rows.iterator().next().getLong(0);
                    List<Object[]> history = new ArrayList<>();
                    history.add(step(need, null, "PUBLISH", null, "SUBMITTED", contact, "ENTERPRISE", null, submitted));
                    LocalDate reviewed = submitted.plusDays(1);
                    switch (n.outcome()) {
                        case "SUBMITTED" -> {
                            return transitions(c, history).map(false);
                        }
                        case "RETURNED", "REJECTED" -> {
                            history.add(step(need, null, n.outcome().equals("RETURNED") ? "RETURN" : "REJECT",
                                    "SUBMITTED", n.outcome(), ids.staff(), "STAFF", n.reason(), reviewed));
                            return transitions(c, history).map(false);
                        }
                        default -> history.add(step(need, null, "ACCEPT", "SUBMITTED", "ACCEPTED", ids.staff(), "STAFF",
                                null, reviewed));
                    }
                    if (n.orderState() == null) {
                        return transitions(c, history).map(false);
                    }
                    return order(c, ids, n, need, contact, reviewed.plusDays(1), history);
                });
    }

    private Future<Boolean> order(SqlClient c, Ids ids, NeedRow n, long need, long contact, LocalDate dispatched,
                                  List<Object[]> history) {
        Long person = n.craftsman() == null ? null : ids.people().get(n.craftsman());
        Long team = n.team() == null ? null : ids.teams().get(n.team());
        Long craftsmanAccount = n.craftsman() == null ? null : ids.craftsmanAccounts().get(n.craftsman());
        LocalDate due = dispatched.plusDays(Urgency.valueOf(n.urgency()).daysToServe());
        LocalDate served = n.servedOn() == null ? null : LocalDate.parse(n.servedOn());
        boolean confirmed = n.orderState().equals("CONFIRMED");
        LocalDate confirmedOn = confirmed ? served.plusDays(2) : null;
        return c.preparedQuery("insert into service_order (need_id, platform_id, person_id, team_id, state,"
                        + " dispatched_on, due_on, scheduled_on, served_on, hours, mode, workers_trained, problems_solved,"
                        + " efficiency, money_saved, summary, satisfaction, comment, confirmed_on, case_published, created_at)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,"
                        + " $20, $21) returning id")
                .execute(Tuple.from(new Object[] {need, ids.platform(), person, team, n.orderState(), dispatched, due,
                        n.orderState().equals("SCHEDULED") ? dispatched.plusDays(5) : null, served,
                        n.hours() == null ? null : new BigDecimal(n.hours()), served == null ? null : n.mode(),
                        served == null ? null : n.workersTrained(), served == null ? null : n.problemsSolved(),
                        n.efficiency(), n.moneySaved() == null ? null : new BigDecimal(n.moneySaved()),
                        served == null ? null : n.title() + "：现场指导并完成攻关", n.satisfaction(), n.comment(), confirmedOn,
                        confirmed && n.satisfaction() == 5 && need % 4 == 0, at(dispatched)}))
                .compose(rows -> {
                    long order = rows.iterator().next().getLong(0);
                    history.add(step(need, order, "DISPATCH", "ACCEPTED", "DISPATCHED", ids.staff(), "STAFF", null,
                            dispatched));
                    if (!n.orderState().equals("OFFERED")) {
                        history.add(step(need, order, "TAKE", "OFFERED", "ACCEPTED", craftsmanAccount, "CRAFTSMAN", null,
                                dispatched.plusDays(1)));
                    }
                    if (n.orderState().equals("SCHEDULED")) {
                        history.add(step(need, order, "SCHEDULE", "ACCEPTED", "SCHEDULED", craftsmanAccount, "CRAFTSMAN",
                                null, dispatched.plusDays(2)));
                    }
                    if (served != null) {
                        history.add(step(need, order, "RECORD", "ACCEPTED", "RECORDED", craftsmanAccount, "CRAFTSMAN",
                                null, served));
                    }
                    if (confirmed) {
                        history.add(step(need, order, "CONFIRM", "RECORDED", "CONFIRMED", contact, "ENTERPRISE", null,
                                confirmedOn));
                    }
                    if (n.orderState().equals("ANNULLED")) {
                        history.add(step(need, order, "ANNUL", "RECORDED", "ANNULLED", ids.staff(), "STAFF", n.reason(),
                                served.plusDays(3)));
                    }
                    Future<Void> evidence = !confirmed ? Future.succeededFuture()
                            : ladder.stores().evidence().insertEvidence(c, new EvidenceRow(0, person,
                                    "TECH_SERVICE", "SVC-" + order + "-r1", ServicePlatform.TABLE_KEY,
                                    n.title() + "（" + n.enterprise() + "）", null, null, new BigDecimal(n.hours()), served,
                                    confirmedOn), ids.staff()).mapEmpty();
                    return evidence.compose(v -> c.preparedQuery("update service_need set current_order = $2"
                                    + " where id = $1").execute(Tuple.of(need, order)))
                            .compose(v -> transitions(c, history)).map(confirmed);
                });
    }

    private static Object[] step(long need, Long order, String action, String from, String to, Long account,
                                 String role, String reason, LocalDate on) {
        return new Object[] {need, order, action, from, to, account, role, reason, at(on)};
    }

    private static java.time.OffsetDateTime at(LocalDate on) {
        return on.atTime(9, 30).atOffset(ZoneOffset.ofHours(8));
    }

    private static Future<Void> transitions(SqlClient c, List<Object[]> steps) {
        return c.preparedQuery("insert into service_transition (need_id, order_id, action, from_state, to_state,"
                        + " account_id, role, reason, at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .executeBatch(steps.stream().map(Tuple::from).toList()).mapEmpty();
    }

    private static Future<Long> organization(SqlClient c, String name, String region) {
        return c.preparedQuery("insert into organization (name, region) values ($1, $2) on conflict (name)"
                        + " do update set updated_at = organization.updated_at returning id")
                .execute(Tuple.of(name, region)).map(rows -> rows.iterator().next().getLong(0));
    }

    private static Future<Long> account(SqlClient c, String kind, String name, long organization, Long person,
                                        String code) {
        String hash = Secrets.sha256(Secrets.normalizeCode(code));
        return c.preparedQuery("insert into account (kind, display_name, organization_id, person_id, code_hash)"
                        + " values ($1, $2, $3, $4, $5) on conflict (code_hash) do nothing")
                .execute(Tuple.of(kind, name, organization, person, hash))
                .compose(v -> c.preparedQuery("select id from account where code_hash = $1").execute(Tuple.of(hash)))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static <T> Future<Void> sequence(List<T> items, Function<T, Future<?>> action) {
        Future<Void> chain = Future.succeededFuture();
        for (T item : items) {
            chain = chain.compose(v -> action.apply(item).mapEmpty());
        }
        return chain;
    }
}
