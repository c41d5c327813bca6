package io.jiangxin.app.ladder;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.auth.Principal;
import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.proposal.Proposal;
import io.jiangxin.ladder.proposal.ProposalStatus;
import io.jiangxin.ladder.quota.QuotaLedger;
import io.jiangxin.ladder.rules.PromotionRule;
import io.jiangxin.ladder.rules.Route;
import io.jiangxin.ladder.tier.StepPolicy;
import io.jiangxin.ladder.workflow.Decision;
import io.jiangxin.ladder.workflow.DecisionInput;
import io.jiangxin.ladder.workflow.NamingOutcome;
import io.jiangxin.ladder.workflow.Nomination;
import io.jiangxin.ladder.workflow.NominationState;
import io.jiangxin.ladder.workflow.NominationWorkflow;
import io.jiangxin.ladder.workflow.NoticeWindow;
import io.jiangxin.ladder.workflow.Objection;
import io.jiangxin.ladder.workflow.ObjectionRuling;
import io.jiangxin.ladder.workflow.WorkflowAction;
import io.jiangxin.ladder.workflow.WorkflowException;
import io.jiangxin.storage.ladder.LadderPeopleStore;
import io.jiangxin.storage.ladder.LadderStores;
import io.jiangxin.storage.ladder.NominationStore;
import io.jiangxin.storage.ladder.NominationStore.ClaimRow;
import io.jiangxin.storage.ladder.NominationStore.DecisionRow;
import io.jiangxin.storage.ladder.NominationStore.NominationRow;
import io.jiangxin.storage.ladder.NominationStore.ObjectionRow;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The review workflow over HTTP: 推荐 → 初审 → 专家评议 → (实地考察) → 公示 (objections) → 命名. Each step runs the
 * ladder module's {@link NominationWorkflow} under a row lock on the nomination and records who, when and why.
 * Naming also locks the title-year's quota row, so of two organizers naming the last slot at once exactly one
 * succeeds and the other gets 409 with the quota's reason.
 */
public final class LadderWorkflow {

    private final Pool pool;
    private final LadderPeopleStore people;
    private final NominationStore workflow;
    private final Programmes programmes;
    private final LadderProposals proposals;
    private final LadderHoldings holdings;
    private final Clock clock;

    public LadderWorkflow(LadderStores stores, Programmes programmes, LadderProposals proposals,
                          LadderHoldings holdings, Clock clock) {
        this.pool = stores.pool();
        this.people = stores.people();
        this.workflow = stores.nominations();
        this.programmes = programmes;
        this.proposals = proposals;
        this.holdings = holdings;
        this.clock = clock;
    }

    /** Who decided, as the ladder page shows it: the name (the account id is kept beside it, not inside it). */
    static String by(Principal who) {
        return who.displayName();
    }

    static LocalDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(LadderCalendar.ZONE).toLocalDateTime();
    }

    static OffsetDateTime offset(LocalDateTime time) {
        return time == null ? null : time.atZone(LadderCalendar.ZONE).toOffsetDateTime();
    }

    private LocalDateTime now() {
        return LadderCalendar.now(clock);
    }

    /**
     * Nominates a person who is eligible on the day the nomination is recorded (whatever {@code at} says about when
     * it was decided); the proposal's explanation (rule, evidence, slot) is kept with the nomination.
     */
    public Future<JsonObject> nominate(Principal who, String ladderId, long personId, String tierCode, Integer year,
                                       String why, LocalDateTime at) {
        LocalDateTime when = at != null ? at : now();
        int y = year != null ? year : when.getYear();
        return pool.withTransaction(conn -> programmes.ofLadder(conn, ladderId).compose(p ->
                people.person(conn, personId).compose(person -> proposals.proposalList(conn, ladderId, tierCode, y,
                        LadderCalendar.today(clock), List.of(personId)).compose(list -> {
                    Proposal proposal = list.proposals().get(0);
                    if (proposal.status() == ProposalStatus.NOT_ELIGIBLE) {
                        throw new Problem(ErrorCode.NOT_ELIGIBLE, proposal.summary().toString(),
                                proposal.eligibility().failures().stream().map(c -> new JsonObject()
                                        .put("type", c.type().name()).put("reason", LadderViews.text(c.reason()))).toList());
                    }
                    Route route = proposal.eligibility().route();
                    StepPolicy policy = route == Route.SHORTCUT ? proposal.eligibility().shortcut().stepPolicy()
                            : p.config().rules().stream().filter(r -> r.reference().equals(list.ruleReference()))
                            .findFirst().map(PromotionRule::stepPolicy).orElse(StepPolicy.ONE_STEP);
                    NominationRow draft = new NominationRow(0, p.code(), ladderId, tierCode, y, personId, person.trade(),
                            person.organizationId(), list.ruleReference(), route.name(), policy.name(),
                            LadderViews.proposal(proposal, Map.of()), NominationState.NOMINATED.name(), null, null);
                    return workflow.insertNomination(conn, draft).compose(id -> {
                        Nomination nomination = new NominationWorkflow(p.workflow()).nominate(String.valueOf(id),
                                String.valueOf(personId), person.trade(), String.valueOf(person.organizationId()),
                                ladderId, tierCode, y, list.ruleReference(), new DecisionInput(by(who), when, why));
                        return persist(conn, who, id, nomination, 0, List.of());
                    });
                })))).compose(this::view);
    }

    /** A review step, rejection, withdrawal or the naming. */
    public Future<JsonObject> act(Principal who, long nominationId, WorkflowAction action, String why,
                                  LocalDateTime at) {
        LocalDateTime when = at != null ? at : now();
        return pool.withTransaction(conn -> load(conn, nominationId).compose(loaded -> {
            DecisionInput input = new DecisionInput(by(who), when, why);
            NominationWorkflow flow = new NominationWorkflow(loaded.programme().workflow());
            if (action != WorkflowAction.NAME) {
                Nomination next = apply(() -> flow.apply(loaded.nomination(), action, input));
                return persist(conn, who, nominationId, next, loaded.nomination().decisions().size(),
                        loaded.nomination().objections());
            }
            return name(conn, who, loaded, flow, input);
        })).compose(this::view);
    }

    private Future<Long> name(SqlConnection conn, Principal who, Loaded loaded, NominationWorkflow flow,
                              DecisionInput input) {
        NominationRow row = loaded.row();
        PromotionRule rule = loaded.programme().rule(row.ruleReference())
                .or(() -> loaded.programme().config().ruleBook().inForce(row.ladderId(), row.tierCode(),
                        input.at().toLocalDate()))
                .orElseThrow(() -> new Problem(ErrorCode.NO_RULE_IN_FORCE, "该推荐所依据的评选规则已不存在 /"
                        + " the rule this nomination was made under no longer exists"));
        return workflow.lockQuotaYear(conn, row.ladderId(), row.tierCode(), row.year())
                .compose(v -> workflow.claims(conn, row.ladderId(), row.tierCode(), row.year()))
                .compose(claims -> {
                    QuotaLedger quota = LadderFacts.quota(row.ladderId(), row.tierCode(), row.year(), rule, claims);
                    NamingOutcome outcome = apply(() -> flow.name(loaded.nomination(), input, quota));
                    boolean held = quota.holds(String.valueOf(row.personId()));
                    Future<Void> claim = held ? Future.succeededFuture() : workflow.insertClaim(conn, new ClaimRow(
                            row.ladderId(), row.tierCode(), row.year(), row.personId(), row.trade(), row.organizationId(),
                            row.id()));
                    return claim.compose(v -> holdings.moveTo(conn, loaded.programme().ladder(row.ladderId()),
                                    row.personId(), row.tierCode(), input.at().toLocalDate(),
                                    StepPolicy.valueOf(row.stepPolicy()), "评审命名 / named after review", row.id(), who.accountId()))
                            .compose(v -> persist(conn, who, row.id(), outcome.nomination(),
                                    loaded.nomination().decisions().size(), loaded.nomination().objections()));
                });
    }

    public Future<JsonObject> fileObjection(Principal who, long nominationId, String objectionId, String filedBy,
                                            String statement, LocalDateTime at) {
        LocalDateTime when = at != null ? at : now();
        return pool.withTransaction(conn -> load(conn, nominationId).compose(loaded -> {
            String id = objectionId != null ? objectionId : "O" + (loaded.nomination().objections().size() + 1);
            if (objectionId != null && loaded.nomination().objection(objectionId).isPresent()) {
                throw new Problem(ErrorCode.DUPLICATE_OBJECTION, "异议编号 " + objectionId + " 已存在 / objection "
                        + objectionId + " exists");
            }
            Nomination next = apply(() -> new NominationWorkflow(loaded.programme().workflow())
                    .fileObjection(loaded.nomination(), id, new DecisionInput(filedBy != null ? filedBy : by(who), when,
                            statement)));
            return persist(conn, who, nominationId, next, loaded.nomination().decisions().size(),
                    loaded.nomination().objections());
        })).compose(this::view);
    }

    public Future<JsonObject> ruleOnObjection(Principal who, long nominationId, String objectionId,
                                              ObjectionRuling ruling, String why, LocalDateTime at) {
        LocalDateTime when = at != null ? at : now();
        return pool.withTransaction(conn -> load(conn, nominationId).compose(loaded -> {
            if (loaded.nomination().objection(objectionId).isEmpty()) {
                throw Problem.notFound("异议 / objection", objectionId);
            }
            Nomination next = apply(() -> new NominationWorkflow(loaded.programme().workflow())
                    .ruleOnObjection(loaded.nomination(), objectionId, ruling, new DecisionInput(by(who), when, why)));
            return persist(conn, who, nominationId, next, loaded.nomination().decisions().size(),
                    loaded.nomination().objections());
        })).compose(this::view);
    }

    public Future<JsonObject> view(long nominationId) {
        Future<NominationRow> nomination = workflow.nomination(pool, nominationId, false);
        Future<List<DecisionRow>> decisions = workflow.decisions(pool, nominationId);
        Future<List<ObjectionRow>> objections = workflow.objections(pool, nominationId);
        return Future.all(nomination, decisions, objections).compose(v -> people.person(pool,
                nomination.result().personId()).map(person -> LadderViews.nomination(nomination.result(),
                person.name(), decisions.result(), objections.result())));
    }

    public Future<JsonObject> list(String ladderId, String tierCode, Integer year, String state) {
        return programmes.ofLadder(pool, ladderId).compose(p ->
                workflow.nominations(pool, ladderId, tierCode, year, state, null)).compose(rows -> {
            List<Future<JsonObject>> views = rows.stream().map(r -> view(r.id())).toList();
            return Future.all(views).map(done -> {
                JsonArray items = new JsonArray();
                views.forEach(v -> items.add(v.result()));
                return new JsonObject().put("items", items);
            });
        });
    }

    private record Loaded(NominationRow row, Programme programme, Nomination nomination) {
    }

    /** The nomination under a row lock, rebuilt as the ladder module's value. */
    private Future<Loaded> load(SqlConnection conn, long nominationId) {
        return workflow.nomination(conn, nominationId, true).compose(row -> {
            Future<Programme> programme = programmes.byCode(conn, row.configCode());
            Future<List<DecisionRow>> decided = workflow.decisions(conn, nominationId);
            Future<List<ObjectionRow>> objected = workflow.objections(conn, nominationId);
            return Future.all(programme, decided, objected).map(v -> loaded(row, programme.result(), decided.result(),
                    objected.result()));
        });
    }

    private static Loaded loaded(NominationRow row, Programme programme, List<DecisionRow> decisions,
                                 List<ObjectionRow> objections) {
        Nomination nomination = new Nomination(String.valueOf(row.id()), String.valueOf(row.personId()), row.trade(),
                String.valueOf(row.organizationId()), row.ladderId(), row.tierCode(), row.year(), row.ruleReference(),
                NominationState.valueOf(row.state()), decisions.stream().map(d -> new Decision(
                        WorkflowAction.valueOf(d.action()), d.fromState() == null ? null
                        : NominationState.valueOf(d.fromState()), NominationState.valueOf(d.toState()), d.byName(),
                        local(d.at()), d.why(), BilingualText.of(d.noteZh(), d.noteEn()))).toList(),
                row.noticeOpensAt() == null ? null : new NoticeWindow(local(row.noticeOpensAt()),
                        local(row.noticeClosesAt())),
                objections.stream().map(o -> new Objection(o.objectionId(), o.filedBy(), local(o.filedAt()),
                        o.statement(), o.ruling() == null ? null : ObjectionRuling.valueOf(o.ruling()), o.ruledBy(),
                        local(o.ruledAt()), o.rulingWhy())).toList());
        return new Loaded(row, programme, nomination);
    }

    /** Writes what the domain decided: the new decisions, the objections that changed, the state and the notice. */
    private Future<Long> persist(SqlConnection conn, Principal who, long id, Nomination next, int knownDecisions,
                                 List<Objection> knownObjections) {
        Future<Void> chain = workflow.updateState(conn, id, next.state().name(),
                next.notice() == null ? null : offset(next.notice().opensAt()),
                next.notice() == null ? null : offset(next.notice().closesAt()));
        for (int i = knownDecisions; i < next.decisions().size(); i++) {
            Decision d = next.decisions().get(i);
            int seq = i + 1;
            chain = chain.compose(v -> workflow.insertDecision(conn, new DecisionRow(id, seq, d.action().name(),
                    d.from() == null ? null : d.from().name(), d.to().name(), who.accountId(), d.by(), offset(d.at()),
                    d.why(), d.note().zh(), d.note().en())));
        }
        for (Objection o : next.objections()) {
            if (!knownObjections.contains(o)) {
                chain = chain.compose(v -> workflow.upsertObjection(conn, new ObjectionRow(id, o.objectionId(),
                        o.filedBy(), offset(o.filedAt()), o.statement(), o.ruling() == null ? null : o.ruling().name(),
                        o.ruledBy(), offset(o.ruledAt()), o.rulingWhy())));
            }
        }
        return chain.map(id);
    }

    private interface Step<T> {
        T run();
    }

    /** The domain's refusals are conflicts with the current state: 409 with its code and zh/en reason. */
    private static <T> T apply(Step<T> step) {
        try {
            return step.run();
        } catch (WorkflowException e) {
            throw new Problem(ErrorCode.named(e.code()).orElseThrow(() -> new IllegalStateException(
                    "the workflow's code " + e.code() + " is not in ErrorCode", e)), e.reason().toString());
        }
    }
}
