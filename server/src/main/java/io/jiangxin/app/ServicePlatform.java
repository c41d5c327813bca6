package io.jiangxin.app;

import io.jiangxin.auth.IssuedWorker;
import io.jiangxin.auth.IssuedAccount;
import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.app.ladder.LadderApplication;
import io.jiangxin.app.ladder.LadderCalendar;
import io.jiangxin.app.ladder.Programme;
import io.jiangxin.auth.AccountKind;
import io.jiangxin.auth.Principal;
import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.points.TechServiceEvidence;
import io.jiangxin.registry.FieldError;
import io.jiangxin.service.Dashboard;
import io.jiangxin.service.IllegalTransition;
import io.jiangxin.service.Matching;
import io.jiangxin.service.NeedAction;
import io.jiangxin.service.NeedKind;
import io.jiangxin.service.NeedProfile;
import io.jiangxin.service.NeedState;
import io.jiangxin.service.OrderAction;
import io.jiangxin.service.OrderState;
import io.jiangxin.service.ServiceMode;
import io.jiangxin.service.ServiceReport;
import io.jiangxin.service.ServiceRole;
import io.jiangxin.service.Urgency;
import io.jiangxin.storage.AccountStore;
import io.jiangxin.storage.ladder.EvidenceStore;
import io.jiangxin.storage.IdempotencyStore;
import io.jiangxin.storage.ServiceStore;
import io.jiangxin.storage.ServiceStore.NeedRow;
import io.jiangxin.storage.ServiceStore.OrderRow;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.List;

/**
 * 劳模工匠助企行 over PostgreSQL: who acts on which platform, needs and their review, matching and dispatch, orders and
 * their state machine, and the ladder points a confirmed service earns. Every change locks the row it changes,
 * applies the domain's transition rule, writes the history line and, for a confirmation, the 送技入企 evidence and
 * its points, in one transaction; an annulled or reopened confirmation is reversed by counter-entries in the same one.
 */
public final class ServicePlatform {

    /** The ladder point table's key for a platform service (docs/ladder.md: TECH_SERVICE / VISIT). */
    public static final String TABLE_KEY = "VISIT";

    /** Who is acting, as what, on which platform. */
    public record Actor(Principal principal, ServiceRole role, long platformId) {
        public boolean is(ServiceRole wanted) {
            return role == wanted;
        }
    }

    /** A need to publish, already checked field by field. */
    public record NeedDraft(Long organizationId, String title, String description, long chainId, NeedKind kind,
                            ServiceMode mode, Urgency urgency, String place, JsonArray attachments) {
    }

    private final ServiceStore store;
    private final AccountStore accounts;
    private final LadderApplication ladder;
    private final IdempotencyStore idempotency = new IdempotencyStore();

    public ServicePlatform(ServiceStore store, AccountStore accounts, LadderApplication ladder) {
        this.store = store;
        this.accounts = accounts;
        this.ladder = ladder;
    }

    public ServiceStore store() {
        return store;
    }

    static LocalDate today() {
        return LocalDate.now(LadderCalendar.ZONE);
    }

    // ---------------------------------------------------------------- who acts

    public Future<Actor> actor(Principal p) {
        SqlClient c = store.pool();
        Future<Long> platform;
        ServiceRole role;
        switch (p.kind()) {
            case UNION_STAFF -> {
                role = ServiceRole.STAFF;
                platform = store.platformOfUnion(c, p.organizationId());
            }
            case ENTERPRISE -> {
                role = ServiceRole.ENTERPRISE;
                platform = store.platformOfEnterprise(c, p.organizationId());
            }
            case COMPETITOR -> {
                role = ServiceRole.CRAFTSMAN;
                platform = store.platformOfExpert(c, p.personId());
            }
            default -> {
                return Future.failedFuture(roleRefused());
            }
        }
        return platform.map(id -> {
            if (id == null) {
                throw new Problem(ErrorCode.NOT_ON_PLATFORM, "该账号不属于任何助企服务平台 / this account belongs to no"
                        + " service platform");
            }
            return new Actor(p, role, id);
        });
    }

    static Problem roleRefused() {
        return new Problem(ErrorCode.ROLE_NOT_ALLOWED, "当前角色无权执行此操作 / your role may not do this");
    }

    static void require(Actor actor, ServiceRole... roles) {
        for (ServiceRole r : roles) {
            if (actor.is(r)) {
                return;
            }
        }
        throw roleRefused();
    }

    /** Another platform's, enterprise's or craftsman's record answers 404, so ids cannot be probed. */
    static Problem hidden(String what, long id) {
        return Problem.notFound(what, id);
    }

    // ---------------------------------------------------------------- platforms (organizers)

    public Future<JsonObject> createPlatform(String name, String region, String union, List<String> chains) {
        return store.pool().withTransaction(c -> c.preparedQuery("insert into organization (name, region) values ($1, $2)"
                        + " on conflict (name) do update set updated_at = organization.updated_at returning id")
                .execute(Tuple.of(union, region))
                .compose(rows -> store.insertPlatform(c, rows.iterator().next().getLong(0), name, region))
                .compose(p -> {
                    Future<Void> chain = Future.succeededFuture();
                    for (String ch : chains) {
                        chain = chain.compose(v -> store.insertChain(c, p.id(), ch).mapEmpty());
                    }
                    return chain.compose(v -> platformView(c, p.id()));
                }));
    }

    Future<JsonObject> platformView(SqlClient c, long id) {
        return Future.all(store.platform(c, id), store.chains(c, id), store.teams(c, id))
                .map(all -> ServiceViews.platform(all.resultAt(0), all.resultAt(1), all.resultAt(2)));
    }

    public Future<JsonObject> platform(Principal p, long id) {
        if (p.is(AccountKind.ORGANIZER)) {
            return platformView(store.pool(), id);
        }
        return actor(p).compose(a -> {
            if (a.platformId() != id) {
                throw hidden("服务平台 / service platform", id);
            }
            return platformView(store.pool(), id);
        });
    }

    public Future<IssuedAccount> issueStaff(long platformId, String displayName) {
        return store.platform(store.pool(), platformId).compose(p -> accounts.createForOrganization(store.pool(),
                AccountKind.UNION_STAFF, displayName, p.unionOrgId()));
    }

    // ---------------------------------------------------------------- chains, teams, enterprises (staff)

    public Future<JsonObject> addChain(Actor a, String name) {
        require(a, ServiceRole.STAFF);
        return store.insertChain(store.pool(), a.platformId(), name).compose(ch -> platformView(store.pool(), a.platformId()));
    }

    public Future<JsonObject> addTeam(Actor a, String name, Long chainId, String region) {
        require(a, ServiceRole.STAFF);
        return chainOf(store.pool(), a, chainId, "chainId")
                .compose(v -> store.insertTeam(store.pool(), a.platformId(), name, chainId, region))
                .map(t -> new JsonObject().put("id", t.id()).put("name", t.name()).put("chainId", t.chainId())
                        .put("region", t.region()));
    }

    private Future<Void> chainOf(SqlClient c, Actor a, Long chainId, String field) {
        if (chainId == null) {
            return Future.succeededFuture();
        }
        return store.chains(c, a.platformId()).map(chains -> {
            if (chains.stream().noneMatch(ch -> ch.id() == chainId)) {
                throw Problem.unknownReference(field, "本平台没有该产业链 / no such chain on this platform");
            }
            return null;
        });
    }

    private Future<Void> chainsOf(SqlClient c, Actor a, List<Long> chainIds) {
        return store.chains(c, a.platformId()).map(chains -> {
            for (int i = 0; i < chainIds.size(); i++) {
                long id = chainIds.get(i);
                if (chains.stream().noneMatch(ch -> ch.id() == id)) {
                    throw Problem.unknownReference("chainIds[" + i + "]", "本平台没有该产业链 / no such chain on this platform");
                }
            }
            return null;
        });
    }

    public Future<JsonObject> registerEnterprise(Actor a, Long organizationId, String name, String creditCode,
                                                 long chainId, String region, String contactName, String phone) {
        require(a, ServiceRole.STAFF);
        return store.pool().withTransaction(c -> chainOf(c, a, chainId, "chainId").compose(v -> {
            if (organizationId != null) {
                return c.preparedQuery("select id from organization where id = $1").execute(Tuple.of(organizationId))
                        .map(rows -> {
                            if (rows.size() == 0) {
                                throw Problem.unknownReference("organizationId", "单位不存在 / unknown organization");
                            }
                            return organizationId;
                        });
            }
            return c.preparedQuery("insert into organization (name, credit_code, region) values ($1, $2, $3) returning id")
                    .execute(Tuple.of(name, creditCode, region))
                    .recover(e -> Future.failedFuture(ServiceStoreErrors.translate(e)))
                    .map(rows -> rows.iterator().next().getLong(0));
        }).compose(org -> store.insertEnterprise(c, org, a.platformId(), chainId, region, contactName, phone)
                .compose(v -> store.enterprise(c, org))).map(ServiceViews::enterprise));
    }

    public Future<JsonObject> enterprises(Actor a) {
        require(a, ServiceRole.STAFF);
        return store.enterprises(store.pool(), a.platformId()).map(list -> {
            JsonArray items = new JsonArray();
            list.forEach(e -> items.add(ServiceViews.enterprise(e)));
            return new JsonObject().put("items", items);
        });
    }

    public Future<IssuedAccount> issueContact(Actor a, long organizationId, String displayName) {
        require(a, ServiceRole.STAFF);
        return enterpriseOfPlatform(a, organizationId).compose(e -> accounts.createForOrganization(store.pool(),
                AccountKind.ENTERPRISE, displayName, organizationId));
    }

    private Future<ServiceStore.EnterpriseRow> enterpriseOfPlatform(Actor a, long organizationId) {
        return store.enterprise(store.pool(), organizationId).map(e -> {
            if (e.platformId() != a.platformId()) {
                throw hidden("企业 / enterprise", organizationId);
            }
            return e;
        });
    }

    /** 一企一档案: the enterprise, its needs with their orders, and its feedback. For staff and the enterprise itself. */
    public Future<JsonObject> enterpriseFile(Actor a, long organizationId) {
        require(a, ServiceRole.STAFF, ServiceRole.ENTERPRISE);
        if (a.is(ServiceRole.ENTERPRISE) && a.principal().organizationId() != organizationId) {
            return Future.failedFuture(hidden("企业 / enterprise", organizationId));
        }
        return enterpriseOfPlatform(a, organizationId).compose(e -> Future.all(
                store.needs(store.pool(), a.platformId(), organizationId, null, 1000),
                store.pool().preparedQuery("select s.id from service_order s join service_need n on n.id = s.need_id"
                        + " where n.organization_id = $1 order by s.id").execute(Tuple.of(organizationId))
                        .compose(rows -> {
                            Future<List<OrderRow>> all = Future.succeededFuture(new java.util.ArrayList<>());
                            for (var row : rows) {
                                long id = row.getLong(0);
                                all = all.compose(list -> store.order(store.pool(), id, false).map(o -> {
                                    list.add(o);
                                    return list;
                                }));
                            }
                            return all;
                        })).map(loaded -> {
                            List<NeedRow> needs = loaded.resultAt(0);
                            List<OrderRow> orders = loaded.resultAt(1);
                            JsonArray n = new JsonArray();
                            needs.forEach(need -> n.add(ServiceViews.need(need)));
                            JsonArray o = new JsonArray();
                            JsonArray feedback = new JsonArray();
                            orders.forEach(order -> {
                                o.add(ServiceViews.order(order));
                                if (order.satisfaction() != null) {
                                    feedback.add(new JsonObject().put("orderId", order.id())
                                            .put("title", order.needTitle()).put("satisfaction", order.satisfaction())
                                            .put("comment", order.comment()).put("confirmedOn", order.confirmedOn().toString()));
                                }
                            });
                            return new JsonObject().put("enterprise", ServiceViews.enterprise(e)).put("needs", n)
                                    .put("orders", o).put("feedback", feedback);
                        }));
    }

    // ---------------------------------------------------------------- resource list (staff)

    public Future<JsonObject> listExpert(Actor a, long personId, Long teamId, List<Long> chainIds, List<String> trades,
                                         List<String> specialties, List<String> honours, String region,
                                         boolean available, int capacity) {
        require(a, ServiceRole.STAFF);
        SqlClient c = store.pool();
        return ladder.stores().people().person(c, personId)
                .recover(e -> Future.failedFuture(Problem.unknownReference("personId", "人员不存在 / unknown person")))
                .compose(p -> chainsOf(c, a, chainIds))
                .compose(v -> teamId == null ? Future.succeededFuture() : store.teams(c, a.platformId()).map(teams -> {
                    if (teams.stream().noneMatch(t -> t.id() == teamId)) {
                        throw Problem.unknownReference("teamId", "本平台没有该服务分队 / no such team on this platform");
                    }
                    return null;
                }))
                .compose(v -> store.upsertExpert(c, personId, a.platformId(), teamId, chainIds, trades, specialties,
                        honours, region, available, capacity))
                .compose(v -> store.expert(c, personId)).map(ServiceViews::expert);
    }

    /**
     * The resource list, searchable by chain, team, region, honour (a title, or a ladder tier held today),
     * availability and a word in name, trade or specialty. Each craftsman shows the ladder tiers they hold today.
     */
    public Future<JsonObject> experts(Actor a, Long chainId, Long teamId, String region, String honour, Boolean available,
                                      String q) {
        require(a, ServiceRole.STAFF);
        SqlClient c = store.pool();
        return Future.all(store.experts(c, a.platformId()), store.currentTiers(c, a.platformId()),
                        ladder.programmes().all(c))
                .map(loaded -> {
                    List<ServiceStore.ExpertRow> list = loaded.resultAt(0);
                    List<ServiceStore.TierRow> tiers = loaded.resultAt(1);
                    java.util.Map<String, io.jiangxin.ladder.tier.Ladder> ladders =
                            Programme.allLadders(loaded.resultAt(2));
                    java.util.Map<Long, List<String>> held = new java.util.HashMap<>();
                    for (ServiceStore.TierRow t : tiers) {
                        io.jiangxin.ladder.tier.Ladder l = ladders.get(t.ladderId());
                        String name = l == null ? t.tierCode() : l.tier(t.tierCode())
                                .map(io.jiangxin.ladder.tier.Tier::name).orElse(t.tierCode());
                        held.computeIfAbsent(t.personId(), k -> new java.util.ArrayList<>()).add(name);
                    }
                    JsonArray items = new JsonArray();
                    list.stream().filter(x -> chainId == null || x.chainIds().contains(chainId))
                            .filter(x -> teamId == null || teamId.equals(x.teamId()))
                            .filter(x -> region == null || region.equals(x.region()))
                            .filter(x -> honour == null || x.honours().stream().anyMatch(h -> h.contains(honour))
                                    || held.getOrDefault(x.personId(), List.of()).stream().anyMatch(h -> h.contains(honour)))
                            .filter(x -> available == null || x.available() == available)
                            .filter(x -> q == null || x.name().contains(q) || x.trades().stream().anyMatch(t -> t.contains(q))
                                    || x.specialties().stream().anyMatch(s -> s.contains(q)))
                            .forEach(x -> items.add(ServiceViews.expert(x).put("ladderTiers",
                                    new JsonArray(held.getOrDefault(x.personId(), List.of())))));
                    return new JsonObject().put("items", items).put("total", items.size());
                });
    }

    /** The ladder's people matching a word, for staff choosing whom to put on the list (and whether they already are). */
    public Future<JsonObject> people(Actor a, String q) {
        require(a, ServiceRole.STAFF);
        return store.people(store.pool(), q, 50).map(list -> {
            JsonArray items = new JsonArray();
            list.forEach(p -> items.add(new JsonObject().put("id", p.id()).put("name", p.name())
                    .put("employeeNo", p.employeeNo()).put("organization", p.organization()).put("trade", p.trade())
                    .put("listed", p.listedOn() != null).put("listedHere", p.listedOn() != null
                            && p.listedOn() == a.platformId())));
            return new JsonObject().put("items", items);
        });
    }

    /** A listed craftsman's worker sign-in code (the ladder's own account), so they can open 我的工单. */
    public Future<IssuedWorker> issueCraftsman(Actor a, long personId) {
        require(a, ServiceRole.STAFF);
        return store.platformOfExpert(store.pool(), personId).compose(platform -> {
            if (platform == null || platform != a.platformId()) {
                throw hidden("资源清单工匠 / listed craftsman", personId);
            }
            return accounts.issueWorker(personId);
        });
    }

    // ---------------------------------------------------------------- needs

    /** Publishes without a key: each call is a new need (staff tools and the demo). */
    public Future<JsonObject> publish(Actor a, NeedDraft d) {
        return publish(a, d, null, null).map(LogWriter.Outcome::body);
    }

    /**
     * Publishes a need once per {@code key}: the key is claimed in the need's own transaction, so a phone's retry
     * after a lost reply answers the first need (replayed) and a different body under the same key is 422.
     */
    public Future<LogWriter.Outcome> publish(Actor a, NeedDraft d, String key, String requestHash) {
        require(a, ServiceRole.ENTERPRISE, ServiceRole.STAFF);
        long organizationId;
        if (a.is(ServiceRole.ENTERPRISE)) {
            if (d.organizationId() != null && d.organizationId() != a.principal().organizationId()) {
                return Future.failedFuture(new Problem(ErrorCode.NOT_YOUR_ENTERPRISE, "只能为本企业发布需求 / you may only"
                        + " publish your own enterprise's needs"));
            }
            organizationId = a.principal().organizationId();
        } else if (d.organizationId() == null) {
            return Future.failedFuture(Problem.invalid(List.of(new FieldError("organizationId",
                    "工会代录需求须指明企业 / required when union staff enter a need"))));
        } else {
            organizationId = d.organizationId();
        }
        String source = a.is(ServiceRole.ENTERPRISE) ? "ONLINE" : "VISIT";
        long accountId = a.principal().accountId();
        return store.pool().withTransaction(c -> Idempotent.once(idempotency, c,
                Idempotent.claim(accountId, key, requestHash), 201, () -> enterpriseOfPlatform(a, organizationId)
                            .recover(e -> Future.failedFuture(Problem.unknownReference("organizationId",
                                    "本平台没有该企业 / no such enterprise on this platform")))
                            .compose(e -> chainOf(c, a, d.chainId(), "chainId"))
                            .compose(v -> store.insertNeed(c, a.platformId(), organizationId, d.title(),
                                    d.description(), d.chainId(), d.kind().name(), d.mode().name(), d.urgency().name(),
                                    d.place(), d.attachments(), source, accountId, today()))
                            .compose(id -> store.transition(c, id, null, "PUBLISH", null, NeedState.SUBMITTED.name(),
                                            accountId, a.role().name(), null)
                                    .compose(v -> store.need(c, id, false)))
                            .map(n -> ServiceViews.need(n).put("files", new JsonArray()))));
    }

    public Future<JsonObject> needs(Actor a, NeedState state) {
        require(a, ServiceRole.ENTERPRISE, ServiceRole.STAFF);
        Long organization = a.is(ServiceRole.ENTERPRISE) ? a.principal().organizationId() : null;
        return store.needs(store.pool(), a.platformId(), organization, state == null ? null : state.name(), 500)
                .map(list -> {
                    JsonArray items = new JsonArray();
                    list.forEach(n -> items.add(ServiceViews.need(n)));
                    return new JsonObject().put("items", items);
                });
    }

    Future<NeedRow> visibleNeed(SqlClient c, Actor a, long id, boolean lock) {
        return store.need(c, id, lock).map(n -> {
            boolean visible = n.platformId() == a.platformId() && (a.is(ServiceRole.STAFF)
                    || (a.is(ServiceRole.ENTERPRISE) && n.organizationId() == a.principal().organizationId()));
            if (!visible) {
                throw hidden("需求 / need", id);
            }
            return n;
        });
    }

    public Future<JsonObject> need(Actor a, long id) {
        require(a, ServiceRole.ENTERPRISE, ServiceRole.STAFF);
        SqlClient c = store.pool();
        return visibleNeed(c, a, id, false).compose(n -> Future.all(store.history(c, id),
                store.orders(c, a.platformId(), null, null, id, null, 100), store.files(c, id, null)).map(all -> {
                    JsonArray history = new JsonArray();
                    List<ServiceStore.TransitionRow> rows = all.resultAt(0);
                    rows.forEach(t -> history.add(ServiceViews.transition(t)));
                    JsonArray orders = new JsonArray();
                    List<OrderRow> list = all.resultAt(1);
                    list.forEach(o -> orders.add(ServiceViews.order(o)));
                    return ServiceViews.need(n).put("orders", orders).put("history", history)
                            .put("files", ServiceFiles.views(all.resultAt(2)));
                }));
    }

    public Future<JsonObject> review(Actor a, long id, NeedAction decision, String reason) {
        return needAction(a, id, decision, reason, null);
    }

    public Future<JsonObject> resubmit(Actor a, long id, String description) {
        return needAction(a, id, NeedAction.RESUBMIT, null, description);
    }

    private Future<JsonObject> needAction(Actor a, long id, NeedAction action, String reason, String description) {
        require(a, ServiceRole.ENTERPRISE, ServiceRole.STAFF);
        if (action.needsReason() && reason == null) {
            return Future.failedFuture(Problem.invalid(List.of(new FieldError("reason", "退回或不予受理须说明理由 /"
                    + " a reason is required to return or reject"))));
        }
        return store.pool().withTransaction(c -> visibleNeed(c, a, id, true).compose(n -> {
            NeedState next = apply(() -> action.apply(n.state(), a.role()));
            Future<Void> write = action == NeedAction.RESUBMIT ? store.resubmit(c, id, description)
                    : store.setNeedState(c, id, next, null);
            return write.compose(v -> store.transition(c, id, null, action.name(), n.state().name(), next.name(),
                    a.principal().accountId(), a.role().name(), reason)).compose(v -> store.need(c, id, false));
        })).map(ServiceViews::need);
    }

    static <T> T apply(java.util.function.Supplier<T> transition) {
        try {
            return transition.get();
        } catch (IllegalTransition e) {
            throw new Problem(e.wrongRole() ? ErrorCode.ROLE_NOT_ALLOWED : ErrorCode.ILLEGAL_TRANSITION, e.getMessage());
        }
    }

    // ---------------------------------------------------------------- matching and dispatch

    public Future<Matching.Result> match(Actor a, long needId, int limit) {
        require(a, ServiceRole.STAFF);
        SqlClient c = store.pool();
        return visibleNeed(c, a, needId, false).compose(n -> store.experts(c, a.platformId()).map(experts ->
                Matching.rank(new NeedProfile(n.chainId(), n.chain(), n.enterpriseRegion(),
                        n.title() + " " + n.description()), experts.stream().map(ServiceStore.ExpertRow::candidate)
                        .toList(), limit)));
    }

    /** Sends an accepted need to one listed craftsman, or to a service team whose members may take it. */
    public Future<JsonObject> dispatch(Actor a, long needId, Long personId, Long teamId, LocalDate dueOn) {
        require(a, ServiceRole.STAFF);
        LocalDate today = today();
        return store.pool().withTransaction(c -> visibleNeed(c, a, needId, true).compose(n -> {
            NeedState next = apply(() -> NeedAction.DISPATCH.apply(n.state(), a.role()));
            Future<Void> target;
            if (personId != null) {
                target = store.expert(c, personId).recover(e -> Future.failedFuture(Problem.unknownReference("personId",
                        "该工匠不在本平台资源清单 / the craftsman is not on this platform's list"))).map(x -> {
                    if (x.platformId() != a.platformId()) {
                        throw Problem.unknownReference("personId", "该工匠不在本平台资源清单 / the craftsman is not on"
                                + " this platform's list");
                    }
                    if (!x.candidate().free()) {
                        throw new Problem(ErrorCode.CRAFTSMAN_NOT_FREE, "该工匠暂不可接单（不可用或已满负荷） / the craftsman"
                                + " is unavailable or at capacity");
                    }
                    return null;
                });
            } else {
                target = store.teams(c, a.platformId()).map(teams -> {
                    if (teams.stream().noneMatch(t -> t.id() == teamId)) {
                        throw Problem.unknownReference("teamId", "本平台没有该服务分队 / no such team on this platform");
                    }
                    return null;
                });
            }
            LocalDate due = dueOn != null ? dueOn : today.plusDays(Urgency.valueOf(n.urgency()).daysToServe());
            if (due.isBefore(today)) {
                throw Problem.invalid(List.of(new FieldError("dueOn", "不能早于今天 / must not be in the past")));
            }
            return target.compose(v -> store.insertOrder(c, needId, a.platformId(), personId, teamId, today, due))
                    .compose(orderId -> store.setNeedState(c, needId, next, orderId)
                            .compose(v -> store.transition(c, needId, orderId, NeedAction.DISPATCH.name(),
                                    n.state().name(), next.name(), a.principal().accountId(), a.role().name(), null))
                            .compose(v -> store.order(c, orderId, false)));
        })).map(ServiceViews::order);
    }

    // ---------------------------------------------------------------- orders

    private Future<Long> teamOf(SqlClient c, Actor a) {
        if (!a.is(ServiceRole.CRAFTSMAN)) {
            return Future.succeededFuture(null);
        }
        return store.expert(c, a.principal().personId()).map(ServiceStore.ExpertRow::teamId);
    }

    public Future<JsonObject> orders(Actor a, OrderState state) {
        require(a, ServiceRole.STAFF, ServiceRole.CRAFTSMAN);
        SqlClient c = store.pool();
        return teamOf(c, a).compose(team -> store.orders(c, a.platformId(),
                a.is(ServiceRole.CRAFTSMAN) ? a.principal().personId() : null, team, null,
                state == null ? null : state.name(), 500)).map(list -> {
                    JsonArray items = new JsonArray();
                    list.forEach(o -> items.add(ServiceViews.order(o)));
                    return new JsonObject().put("items", items);
                });
    }

    Future<OrderRow> visibleOrder(SqlClient c, Actor a, long id, boolean lock) {
        return teamOf(c, a).compose(team -> store.order(c, id, lock).map(o -> {
            boolean visible = o.platformId() == a.platformId() && switch (a.role()) {
                case STAFF -> true;
                case ENTERPRISE -> o.organizationId() == a.principal().organizationId();
                case CRAFTSMAN -> a.principal().personId().equals(o.personId())
                        || (o.personId() == null && team != null && team.equals(o.teamId())
                        && o.state() == OrderState.OFFERED);
            };
            if (!visible) {
                throw hidden("工单 / order", id);
            }
            return o;
        }));
    }

    public Future<JsonObject> order(Actor a, long id) {
        return visibleOrder(store.pool(), a, id, false).compose(o -> store.files(store.pool(), o.needId(), o.id())
                .map(files -> ServiceViews.order(o).put("files", ServiceFiles.views(files))));
    }

    /** What an order action carries besides its reason. */
    public record ActionInput(String reason, LocalDate scheduledOn, ServiceReport report, Integer satisfaction,
                              String comment) {
        public static ActionInput reason(String reason) {
            return new ActionInput(reason, null, null, null, null);
        }
    }

    public Future<JsonObject> act(Actor a, long orderId, OrderAction action, ActionInput in) {
        if (action.needsReason() && in.reason() == null) {
            return Future.failedFuture(Problem.invalid(List.of(new FieldError("reason", "须说明理由 / a reason is required"))));
        }
        LocalDate today = today();
        int[] points = new int[2];
        return store.pool().withTransaction(c -> visibleOrder(c, a, orderId, true).compose(o -> {
            OrderState next = apply(() -> action.apply(o.state(), a.role()));
            if (action == OrderAction.TAKE && o.personId() == null) {
                // a team offer: the taker must be free
                return store.expert(c, a.principal().personId()).compose(x -> {
                    if (!x.candidate().free()) {
                        throw new Problem(ErrorCode.CRAFTSMAN_NOT_FREE, "您已满负荷或暂停接单 / you are at capacity or"
                                + " unavailable");
                    }
                    return store.take(c, orderId, a.principal().personId());
                }).compose(v -> after(c, a, o, action, next, in.reason()));
            }
            if (action == OrderAction.SCHEDULE && in.scheduledOn().isBefore(o.dispatchedOn())) {
                throw Problem.invalid(List.of(new FieldError("date", "不能早于派单日期 / must not be before the"
                        + " order was dispatched")));
            }
            if (action == OrderAction.RECORD) {
                List<String[]> problems = in.report().problems(today, o.dispatchedOn());
                if (!problems.isEmpty()) {
                    throw Problem.invalid(problems.stream().map(p -> new FieldError(p[0], p[1])).toList());
                }
            }
            Future<Void> write = switch (action) {
                case TAKE -> store.take(c, orderId, a.principal().personId());
                case SCHEDULE -> store.schedule(c, orderId, in.scheduledOn());
                case RECORD -> store.record(c, orderId, in.report());
                case CONFIRM -> store.confirm(c, orderId, in.satisfaction(), in.comment(), today)
                        .compose(v -> postPoints(c, a, o).map(n -> {
                            points[0] = n;
                            return null;
                        }));
                case REOPEN -> withdraw(c, o, action, in.reason(), points).compose(v -> store.reopen(c, orderId));
                case ANNUL -> withdraw(c, o, action, in.reason(), points)
                        .compose(v -> store.setOrderState(c, orderId, next));
                case DECLINE -> store.setOrderState(c, orderId, next);
            };
            return write.compose(v -> after(c, a, o, action, next, in.reason()));
        })).map(o -> ServiceViews.order(o).put("points", new JsonObject().put("posted", points[0])
                .put("reversed", points[1])));
    }

    private Future<OrderRow> after(SqlClient c, Actor a, OrderRow o, OrderAction action, OrderState next, String reason) {
        NeedState needNext = NeedState.following(next);
        return store.setNeedState(c, o.needId(), needNext, null)
                .compose(v -> store.transition(c, o.needId(), o.id(), action.name(), o.state().name(), next.name(),
                        a.principal().accountId(), a.role().name(), reason))
                .compose(v -> store.order(c, o.id(), false));
    }

    /** The 送技入企 evidence of one confirmation: one per order revision, so a reopened order earns again only once. */
    static String reference(OrderRow o) {
        return "SVC-" + o.id() + "-r" + o.revision();
    }

    private Future<Integer> postPoints(SqlClient c, Actor a, OrderRow o) {
        LocalDate today = today();
        return ladder.stores().evidence().insertEvidence(c, new EvidenceStore.EvidenceRow(0, o.personId(), "TECH_SERVICE",
                        reference(o), TABLE_KEY, o.needTitle() + "（" + o.enterprise() + "）", null, null, o.hours(),
                        o.servedOn(), today), a.principal().accountId())
                .compose(saved -> ladder.reconciliation().reconcileAllIn(c, List.of(o.personId())));
    }

    private Future<Void> withdraw(SqlClient c, OrderRow o, OrderAction action, String reason, int[] points) {
        if (!action.withdrawsPoints(o.state())) {
            return Future.succeededFuture();
        }
        BilingualText why = BilingualText.of("助企服务" + action.zh() + "：" + reason, "service " + action.en() + ": "
                + reason);
        return ladder.reconciliation()
                .reverseEvidenceIn(c, o.personId(), new TechServiceEvidence(reference(o), TABLE_KEY), why)
                .map(n -> {
                    points[1] = n;
                    return null;
                });
    }

    public Future<JsonObject> publishCase(Actor a, long orderId, boolean published) {
        require(a, ServiceRole.STAFF);
        return store.pool().withTransaction(c -> visibleOrder(c, a, orderId, true).compose(o -> {
            if (o.state() != OrderState.CONFIRMED) {
                throw new Problem(ErrorCode.NOT_CONFIRMED, "只有已确认的服务可以作为案例发布 / only a confirmed service can"
                        + " be published as a case");
            }
            return store.publishCase(c, orderId, published).compose(v -> store.order(c, orderId, false));
        })).map(ServiceViews::order);
    }

    // ---------------------------------------------------------------- monitoring

    public Future<Dashboard> dashboard(Actor a, int year) {
        require(a, ServiceRole.STAFF);
        SqlClient c = store.pool();
        return Future.all(store.needFacts(c, a.platformId(), year), store.orderFacts(c, a.platformId(), year))
                .map(all -> Dashboard.of(year, all.resultAt(0), all.resultAt(1), today()));
    }

    /** The quarter's confirmed services (按季报案例): all of them for staff, the published ones for anyone else. */
    /** The cases a union published in a quarter, for the public; 404 for an unknown platform. */
    public Future<List<OrderRow>> publishedCases(long platformId, int year, int quarter) {
        return store.platform(store.pool(), platformId).compose(p -> cases(platformId, year, quarter, true));
    }

    public Future<List<OrderRow>> cases(Long platformId, int year, int quarter, boolean publishedOnly) {
        LocalDate from = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        LocalDate to = from.plusMonths(3).minusDays(1);
        return store.confirmed(store.pool(), platformId, from, to, publishedOnly);
    }

    /** The quarter's case list as the Excel file a union office files (按季报案例), for the platform's staff. */
    public Future<Exports.Document> casesWorkbook(Actor a, int year, int quarter) {
        require(a, ServiceRole.STAFF);
        return store.platform(store.pool(), a.platformId()).compose(p -> cases(a.platformId(), year, quarter, false)
                .map(list -> {
                    List<io.jiangxin.export.CasesWorkbook.Line> lines = list.stream().map(o ->
                            new io.jiangxin.export.CasesWorkbook.Line(o.servedOn(), o.enterprise(), o.needTitle(),
                                    o.craftsman(), o.team(), ServiceMode.valueOf(o.mode()).label(), o.hours(),
                                    o.workersTrained(), o.problemsSolved(), o.efficiency(), o.moneySaved(),
                                    o.satisfaction(), o.comment(), o.summary(), o.casePublished())).toList();
                    java.time.Instant now = java.time.Instant.now();
                    return new Exports.Document() {
                        @Override
                        public String filename() {
                            return p.name() + "-" + year + "Q" + quarter + "-服务案例.xlsx";
                        }

                        @Override
                        public void write(java.io.OutputStream out) {
                            io.jiangxin.export.CasesWorkbook.write(p.name(), year, quarter, lines, now, out);
                        }
                    };
                }));
    }
}
