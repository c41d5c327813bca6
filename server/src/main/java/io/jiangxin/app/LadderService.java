package io.jiangxin.app;

import io.jiangxin.problem.Problem;
import io.jiangxin.auth.Principal;
import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.Level;
import io.jiangxin.ladder.SkillGrade;
import io.jiangxin.ladder.io.ConfigFormatException;
import io.jiangxin.ladder.io.LadderConfig;
import io.jiangxin.ladder.io.LadderConfigReader;
import io.jiangxin.ladder.mentoring.MentoringGoal;
import io.jiangxin.ladder.mentoring.Mentorship;
import io.jiangxin.ladder.mentoring.ProgressEvent;
import io.jiangxin.ladder.mentoring.ProgressKind;
import io.jiangxin.ladder.points.CertificateEvidence;
import io.jiangxin.ladder.points.Evidence;
import io.jiangxin.ladder.points.HonourEvidence;
import io.jiangxin.ladder.points.InnovationEvidence;
import io.jiangxin.ladder.points.LedgerEntry;
import io.jiangxin.ladder.points.PointsCalculator;
import io.jiangxin.ladder.points.PointsLedger;
import io.jiangxin.ladder.points.PointsScheme;
import io.jiangxin.ladder.points.TechServiceEvidence;
import io.jiangxin.ladder.points.TrainingAssessmentEvidence;
import io.jiangxin.ladder.points.TrainingHoursEvidence;
import io.jiangxin.ladder.posting.ContestResult;
import io.jiangxin.ladder.posting.EvidencePoster;
import io.jiangxin.ladder.posting.MentoringPoster;
import io.jiangxin.ladder.posting.PointTables;
import io.jiangxin.ladder.posting.PostingPlan;
import io.jiangxin.ladder.posting.ResultPoster;
import io.jiangxin.ladder.proposal.PlanningRequest;
import io.jiangxin.ladder.proposal.PromotionPlanner;
import io.jiangxin.ladder.proposal.ProposalList;
import io.jiangxin.ladder.quota.QuotaClaim;
import io.jiangxin.ladder.quota.QuotaLedger;
import io.jiangxin.ladder.rules.CandidateDossier;
import io.jiangxin.ladder.rules.PromotionRule;
import io.jiangxin.ladder.tier.Ladder;
import io.jiangxin.ladder.tier.LadderScope;
import io.jiangxin.ladder.tier.StepPolicy;
import io.jiangxin.ladder.tier.TierHistory;
import io.jiangxin.ladder.tier.TierHolding;
import io.jiangxin.ladder.tier.TierTransitionException;
import io.jiangxin.ladder.workflow.WorkflowSettings;
import io.jiangxin.registry.ChineseIdNumber;
import io.jiangxin.registry.FieldError;
import io.jiangxin.registry.Person;
import io.jiangxin.storage.LadderStore;
import io.jiangxin.storage.LadderStore.ConfigRow;
import io.jiangxin.storage.LadderStore.LadderRow;
import io.jiangxin.storage.LadderWorkflowStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The craftsman ladder over PostgreSQL: configurations as data, tier holdings, facts (contest results, evidence,
 * training, mentoring) and the points ledger priced from them, explained proposals, rosters and the worker's page.
 *
 * <p>The ledger of each configuration is a function of the facts: {@link #reconcile} runs the ladder module's
 * posters over a person's facts and appends what is missing. Source keys are deterministic and unique per
 * configuration, so posting again, or from two nodes at once, adds nothing twice.
 */
public final class LadderService {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** A configuration version in force, parsed, with its ladders' organizations resolved to registry ids. */
    public record Programme(ConfigRow row, LadderConfig config, Map<String, Ladder> ladders) {
        public String code() {
            return row.code();
        }

        /** The configuration's first point tables price every posting (documented in docs/ladder.md). */
        public PointTables tables() {
            return config.pointTables().isEmpty() ? null : config.pointTables().get(0);
        }

        public WorkflowSettings workflow() {
            return config.workflow() == null ? WorkflowSettings.DEFAULT : config.workflow();
        }

        public Ladder ladder(String ladderId) {
            Ladder ladder = ladders.get(ladderId);
            if (ladder == null) {
                throw Problem.notFound("梯队 / ladder", ladderId);
            }
            return ladder;
        }

        public Optional<PromotionRule> rule(String reference) {
            return config.rules().stream().filter(r -> r.reference().equals(reference)).findFirst();
        }
    }

    private final LadderStore store;
    private final LadderWorkflowStore workflowStore;
    private final Map<Long, LadderConfig> parsed = new ConcurrentHashMap<>();
    private final ResultPoster resultPoster = new ResultPoster();
    private final EvidencePoster evidencePoster = new EvidencePoster();
    private final MentoringPoster mentoringPoster = new MentoringPoster();
    private final PointsCalculator calculator = new PointsCalculator();

    public LadderService(LadderStore store, LadderWorkflowStore workflowStore) {
        this.store = store;
        this.workflowStore = workflowStore;
    }

    public LadderStore store() {
        return store;
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    // ---------------------------------------------------------------- configurations

    /** Imports a configuration document (YAML or JSON) as the next version of {@code code}. */
    public Future<JsonObject> importConfig(Principal who, String code, long organizationId, boolean publicRoster,
                                           String document) {
        LadderConfig config = parse(document);
        return store.pool().withTransaction(conn -> store.organizationName(conn, organizationId)
                        .compose(name -> resolveOrganizations(conn, config))
                        .compose(organizations -> store.insertConfig(conn, code, organizationId, publicRoster, document,
                                        who == null ? null : who.accountId())
                                .compose(row -> {
                                    Future<Void> chain = Future.succeededFuture();
                                    for (Ladder ladder : config.ladders()) {
                                        chain = chain.compose(v -> store.upsertLadder(conn, ladder.ladderId(), code,
                                                organizations.get(ladder.ladderId()), ladder.scope().name()));
                                    }
                                    return chain.map(row);
                                })))
                .compose(row -> programmes(store.pool()).compose(all -> {
                    Programme programme = all.stream().filter(p -> p.row().id() == row.id()).findFirst().orElseThrow();
                    return store.peopleWithLadderFacts(store.pool())
                            .compose(people -> reconcile(programme, people))
                            .map(posted -> configView(programme).put("posted", posted));
                }));
    }

    static LadderConfig parse(String document) {
        try {
            return LadderConfigReader.readYaml(document);
        } catch (ConfigFormatException e) {
            throw new Problem(400, "INVALID_CONFIG", "梯队配置有误 / the ladder configuration is invalid",
                    e.errors().stream().map(err -> new FieldError(err.path(), err.message())).toList());
        } catch (RuntimeException e) {
            throw new Problem(400, "INVALID_CONFIG", "梯队配置有误 / the ladder configuration is invalid: "
                    + e.getMessage(), null);
        }
    }

    /** Each ladder's {@code organization} names a registry organization, by name or id. */
    private Future<Map<String, Long>> resolveOrganizations(SqlClient conn, LadderConfig config) {
        Map<String, Long> resolved = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (int i = 0; i < config.ladders().size(); i++) {
            Ladder ladder = config.ladders().get(i);
            String path = "ladders[" + i + "].organization";
            chain = chain.compose(v -> {
                if (ladder.organizationId() == null) {
                    errors.add(new FieldError(path, "必填 / required"));
                    return Future.succeededFuture();
                }
                return store.organizationIdByName(conn, ladder.organizationId()).map(ids -> {
                    if (ids.isEmpty()) {
                        errors.add(new FieldError(path, "单位不存在：" + ladder.organizationId() + " / unknown organization "
                                + ladder.organizationId()));
                    } else {
                        resolved.put(ladder.ladderId(), ids.get(0));
                    }
                    return null;
                });
            });
        }
        return chain.map(v -> {
            if (!errors.isEmpty()) {
                throw new Problem(404, "UNKNOWN_REFERENCE", "配置引用了不存在的单位 / the configuration names unknown"
                        + " organizations", errors);
            }
            return resolved;
        });
    }

    public Future<List<Programme>> programmes(SqlClient client) {
        return Future.all(store.currentConfigs(client), store.ladders(client)).map(loaded -> {
            List<ConfigRow> rows = loaded.resultAt(0);
            List<LadderRow> ladders = loaded.resultAt(1);
            return rows.stream().map(row -> programme(row, ladders)).toList();
        });
    }

    Programme programme(ConfigRow row, List<LadderRow> ladderRows) {
        LadderConfig config = parsed.computeIfAbsent(row.id(), id -> parse(row.document()));
        Map<String, Ladder> ladders = new LinkedHashMap<>();
        for (Ladder ladder : config.ladders()) {
            Long organization = ladderRows.stream().filter(l -> l.ladderId().equals(ladder.ladderId()))
                    .map(LadderRow::organizationId).findFirst().orElse(null);
            ladders.put(ladder.ladderId(), new Ladder(ladder.ladderId(),
                    organization == null ? null : String.valueOf(organization), ladder.name(), ladder.scope(),
                    ladder.tiers()));
        }
        return new Programme(row, config, ladders);
    }

    public Future<Programme> programmeOfLadder(SqlClient client, String ladderId) {
        return store.ladder(client, ladderId).compose(row -> programmes(client).map(all -> all.stream()
                .filter(p -> p.code().equals(row.configCode()) && p.ladders().containsKey(ladderId)).findFirst()
                .orElseThrow(() -> Problem.notFound("梯队 / ladder", ladderId))));
    }

    public Future<Programme> programme(SqlClient client, String code) {
        return programmes(client).map(all -> all.stream().filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> Problem.notFound("梯队配置 / ladder configuration", code)));
    }

    public JsonObject configView(Programme p) {
        JsonArray ladders = new JsonArray();
        p.ladders().values().forEach(l -> ladders.add(LadderViews.ladder(l, new LadderRow(l.ladderId(), p.code(),
                Long.parseLong(l.organizationId()), l.scope().name()), p.row().publicRoster())));
        JsonArray rules = new JsonArray();
        p.config().rules().forEach(r -> rules.add(LadderViews.rule(r)));
        WorkflowSettings w = p.workflow();
        return new JsonObject().put("code", p.code()).put("version", p.row().version())
                .put("organizationId", p.row().organizationId()).put("publicRoster", p.row().publicRoster())
                .put("importedAt", p.row().importedAt().toString()).put("ladders", ladders).put("rules", rules)
                .put("workflow", new JsonObject().put("noticeDays", w.noticeDays()).put("siteVisit", w.siteVisit())
                        .put("objectionReturnsTo", w.objectionReturnsTo().name()));
    }

    public Future<JsonObject> ladderView(String ladderId) {
        return programmeOfLadder(store.pool(), ladderId).compose(p -> store.ladder(store.pool(), ladderId).map(row -> {
            JsonObject view = LadderViews.ladder(p.ladder(ladderId), row, p.row().publicRoster());
            JsonArray rules = new JsonArray();
            p.config().rules().stream().filter(r -> r.ladderId().equals(ladderId))
                    .forEach(r -> rules.add(LadderViews.rule(r)));
            WorkflowSettings w = p.workflow();
            return view.put("configVersion", p.row().version()).put("rules", rules)
                    .put("workflow", new JsonObject().put("noticeDays", w.noticeDays()).put("siteVisit", w.siteVisit())
                            .put("objectionReturnsTo", w.objectionReturnsTo().name()));
        }));
    }

    public Future<JsonArray> laddersView() {
        return Future.all(programmes(store.pool()), store.ladders(store.pool())).map(loaded -> {
            List<Programme> all = loaded.resultAt(0);
            List<LadderRow> rows = loaded.resultAt(1);
            JsonArray items = new JsonArray();
            for (LadderRow row : rows) {
                all.stream().filter(p -> p.code().equals(row.configCode()) && p.ladders().containsKey(row.ladderId()))
                        .findFirst().ifPresent(p -> items.add(LadderViews.ladder(p.ladder(row.ladderId()), row,
                                p.row().publicRoster())));
            }
            return items;
        });
    }

    // ---------------------------------------------------------------- dossiers

    /** Everything the rules look at for these people, as the ladder module's values. */
    Future<List<CandidateDossier>> dossiers(SqlClient client, Programme programme, List<Programme> all,
                                            Collection<Long> personIds) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(personIds));
        return Future.all(List.of(store.people(client, ids), store.holdings(client, ids),
                store.ledger(client, programme.code(), ids), store.results(client, ids),
                store.mentorshipsOf(client, ids))).map(loaded -> {
            List<Person> people = loaded.resultAt(0);
            List<LadderStore.HoldingRow> holdings = loaded.resultAt(1);
            List<LedgerEntry> ledger = loaded.resultAt(2);
            List<LadderStore.ResultRow> results = loaded.resultAt(3);
            List<LadderStore.MentorshipRow> mentorships = loaded.resultAt(4);
            Map<String, Ladder> ladders = allLadders(all);
            List<Mentorship> pairs = mentorships.stream().map(LadderService::mentorship).toList();
            List<CandidateDossier> dossiers = new ArrayList<>();
            for (Person person : people) {
                String id = String.valueOf(person.id());
                dossiers.add(new CandidateDossier(domainPerson(person), histories(ladders, person.id(), holdings),
                        ledger.stream().filter(e -> e.personId().equals(id)).toList(),
                        contestResults(results.stream().filter(r -> r.personId() == person.id()).toList()),
                        pairs.stream().filter(m -> m.mentorId().equals(id) || m.apprenticeId().equals(id)).toList()));
            }
            return dossiers;
        });
    }

    static Map<String, Ladder> allLadders(List<Programme> all) {
        Map<String, Ladder> ladders = new HashMap<>();
        all.forEach(p -> ladders.putAll(p.ladders()));
        return ladders;
    }

    static List<TierHistory> histories(Map<String, Ladder> ladders, long personId,
                                       List<LadderStore.HoldingRow> holdings) {
        Map<String, List<TierHolding>> byLadder = new TreeMap<>();
        holdings.stream().filter(h -> h.personId() == personId && ladders.containsKey(h.ladderId()))
                .forEach(h -> byLadder.computeIfAbsent(h.ladderId(), k -> new ArrayList<>())
                        .add(new TierHolding(h.tierCode(), h.start(), h.end(), h.basis())));
        List<TierHistory> histories = new ArrayList<>();
        byLadder.forEach((ladderId, list) -> histories.add(TierHistory.of(ladders.get(ladderId),
                String.valueOf(personId), list)));
        return histories;
    }

    static io.jiangxin.ladder.Person domainPerson(Person p) {
        LocalDate birth = p.idNumber() == null ? null : ChineseIdNumber.birthDate(p.idNumber()).orElse(null);
        return new io.jiangxin.ladder.Person(String.valueOf(p.id()), p.name(), birth, p.trade(),
                String.valueOf(p.organizationId()));
    }

    /** The results that stand: an event whose latest revision was withdrawn counts for nothing. */
    static List<ContestResult> contestResults(List<LadderStore.ResultRow> rows) {
        Map<String, LadderStore.ResultRow> latest = new HashMap<>();
        rows.forEach(r -> latest.merge(r.eventKey() + "/" + r.personId(), r,
                (a, b) -> a.revision() >= b.revision() ? a : b));
        return rows.stream().filter(r -> r.rank() != null && latest.get(r.eventKey() + "/" + r.personId()).rank() != null)
                .map(LadderService::contestResult).toList();
    }

    static ContestResult contestResult(LadderStore.ResultRow r) {
        return new ContestResult(String.valueOf(r.personId()), r.eventKey(), r.eventName(), r.trade(), r.level(),
                r.contestClass(), r.rank(), r.award(), r.heldOn(), r.signedOffOn(), r.revision());
    }

    static Mentorship mentorship(LadderStore.MentorshipRow m) {
        List<MentoringGoal> goals = new ArrayList<>();
        for (int i = 0; i < m.goals().size(); i++) {
            JsonObject g = m.goals().getJsonObject(i);
            goals.add(new MentoringGoal(g.getString("goalId", "G" + (i + 1)), g.getString("description"),
                    g.getString("targetGrade") == null ? null : SkillGrade.valueOf(g.getString("targetGrade")),
                    g.getString("dueBy") == null ? null : LocalDate.parse(g.getString("dueBy"))));
        }
        List<ProgressEvent> progress = m.progress().stream().map(p -> new ProgressEvent("P" + p.id(),
                ProgressKind.valueOf(p.kind()), p.date(), p.grade() == null ? null : SkillGrade.valueOf(p.grade()),
                p.honourLevel() == null ? null : Level.valueOf(p.honourLevel()), p.description(), p.evidenceRef()))
                .toList();
        return new Mentorship("M" + m.id(), String.valueOf(m.mentorId()), String.valueOf(m.apprenticeId()),
                m.startedOn(), m.endedOn(), goals, progress);
    }

    static Evidence evidence(LadderStore.EvidenceRow e) {
        return switch (e.kind()) {
            case "TRAINING_HOURS" -> new TrainingHoursEvidence(e.reference(), e.hours());
            case "TRAINING_ASSESSMENT" -> new TrainingAssessmentEvidence(e.reference(), e.qualifier());
            case "INNOVATION" -> new InnovationEvidence(e.reference(), e.qualifier());
            case "TECH_SERVICE" -> new TechServiceEvidence(e.reference(), e.qualifier());
            case "HONOUR" -> new HonourEvidence(e.reference(), e.title(), Level.valueOf(e.level()));
            case "CERTIFICATE" -> new CertificateEvidence(e.reference(), SkillGrade.valueOf(e.grade()));
            default -> throw new IllegalStateException("unknown evidence kind " + e.kind());
        };
    }

    // ---------------------------------------------------------------- posting

    /** Posts into every configuration in force what these people's facts earn and the ledgers lack. */
    public Future<Integer> reconcileAll(Collection<Long> personIds) {
        return programmes(store.pool()).compose(all -> {
            Future<Integer> chain = Future.succeededFuture(0);
            for (Programme p : all) {
                chain = chain.compose(n -> reconcile(p, personIds).map(m -> n + m));
            }
            return chain;
        });
    }

    /**
     * Runs the posters over the people's facts with the configuration's point tables and appends the new
     * entries, in one transaction under the configuration's posting lock.
     */
    public Future<Integer> reconcile(Programme programme, Collection<Long> personIds) {
        PointTables tables = programme.tables();
        if (tables == null || personIds.isEmpty()) {
            return Future.succeededFuture(0);
        }
        return store.pool().withTransaction(conn -> reconcileIn(conn, programme, personIds));
    }

    /** {@link #reconcile} inside the caller's transaction, so a fact and its points commit together. */
    public Future<Integer> reconcileIn(SqlClient conn, Programme programme, Collection<Long> personIds) {
        PointTables tables = programme.tables();
        if (tables == null || personIds.isEmpty()) {
            return Future.succeededFuture(0);
        }
        List<Long> ids = List.copyOf(new LinkedHashSet<>(personIds));
        LocalDate today = today();
        return store.advisoryLock(conn, "ladder-ledger/" + programme.code())
                .compose(v -> Future.all(List.of(store.ledger(conn, programme.code(), ids), store.results(conn, ids),
                        store.evidence(conn, ids), store.mentorshipsOf(conn, ids), store.assessments(conn, ids))))
                .compose(loaded -> {
                    List<LedgerEntry> existing = loaded.resultAt(0);
                    List<LadderStore.ResultRow> results = loaded.resultAt(1);
                    List<LadderStore.EvidenceRow> evidence = loaded.resultAt(2);
                    List<LadderStore.MentorshipRow> mentorships = loaded.resultAt(3);
                    List<LadderStore.AssessmentRow> assessments = loaded.resultAt(4);
                    PointsLedger ledger = PointsLedger.of(existing);
                    Set<String> before = existing.stream().map(LedgerEntry::sourceKey).collect(Collectors.toSet());
                    List<LadderStore.ResultRow> ordered = results.stream()
                            .sorted(Comparator.comparing(LadderStore.ResultRow::personId)
                                    .thenComparing(LadderStore.ResultRow::eventKey)
                                    .thenComparing(LadderStore.ResultRow::revision)).toList();
                    for (LadderStore.ResultRow r : ordered) {
                        PostingPlan plan;
                        if (r.rank() == null) {
                            plan = resultPoster.retract(String.valueOf(r.personId()), r.eventKey(), r.signedOffOn(),
                                    BilingualText.of("申诉更正：成绩取消（第 " + r.revision() + " 版）",
                                            "appeal ruling: result withdrawn (revision " + r.revision() + ")"), ledger);
                        } else if (tables.contest() != null) {
                            plan = resultPoster.post(contestResult(r), tables.contest(), ledger);
                        } else {
                            continue;
                        }
                        ledger = ledger.append(plan.entries());
                    }
                    for (LadderStore.EvidenceRow e : evidence) {
                        PostingPlan plan = evidencePoster.post(String.valueOf(e.personId()), evidence(e),
                                e.effectiveOn(), e.recordedOn(), tables, ledger);
                        ledger = ledger.append(plan.entries());
                    }
                    ledger = postAssessments(assessments, tables, ledger);
                    if (tables.mentoring() != null) {
                        List<Mentorship> pairs = mentorships.stream().map(LadderService::mentorship).toList();
                        for (Long mentor : ids) {
                            PostingPlan plan = mentoringPoster.post(String.valueOf(mentor), pairs, tables.mentoring(),
                                    today, ledger);
                            ledger = ledger.append(plan.entries());
                        }
                    }
                    List<LedgerEntry> fresh = ledger.entries().stream().filter(e -> !before.contains(e.sourceKey()))
                            .toList();
                    return store.append(conn, programme.code(), fresh);
                });
    }

    /** Reconciles these people in every configuration in force, inside the caller's transaction. */
    public Future<Integer> reconcileAllIn(SqlClient conn, Collection<Long> personIds) {
        return programmes(conn).compose(all -> {
            Future<Integer> chain = Future.succeededFuture(0);
            for (Programme p : all) {
                chain = chain.compose(n -> reconcileIn(conn, p, personIds).map(m -> n + m));
            }
            return chain;
        });
    }

    /**
     * Counter-entries, in every configuration in force, for the points one piece of evidence earned, inside the
     * caller's transaction; configurations where it earned nothing or was already reversed add nothing.
     */
    public Future<Integer> reverseEvidenceIn(SqlClient conn, long personId, Evidence evidence, BilingualText why) {
        String key = evidence.sourceKey(String.valueOf(personId));
        LocalDate today = today();
        return programmes(conn).compose(all -> {
            Future<Integer> chain = Future.succeededFuture(0);
            for (Programme p : all) {
                chain = chain.compose(n -> store.advisoryLock(conn, "ladder-ledger/" + p.code())
                        .compose(v -> store.ledger(conn, p.code(), List.of(personId)))
                        .compose(entries -> {
                            PointsLedger ledger = PointsLedger.of(entries);
                            if (!ledger.contains(key) || ledger.isReversed(key)) {
                                return Future.succeededFuture(n);
                            }
                            PostingPlan plan = evidencePoster.reverse(key, today, why, ledger);
                            return store.append(conn, p.code(), plan.entries()).map(m -> n + plan.entries().size());
                        }));
            }
            return chain;
        });
    }

    /**
     * Training assessments judged in Jiangxin: the latest revision of each person and event, when passed, is
     * training-assessment evidence {@code E<event>/rev-<n>} (outcome PASSED); a superseded revision's entry is
     * reversed with a counter-entry, as contest results are.
     */
    private PointsLedger postAssessments(List<LadderStore.AssessmentRow> assessments, PointTables tables,
                                         PointsLedger ledger) {
        Map<String, LadderStore.AssessmentRow> latest = new HashMap<>();
        for (LadderStore.AssessmentRow a : assessments) {
            latest.merge(a.personId() + "/" + a.eventKey(), a, (x, y) -> x.revision() >= y.revision() ? x : y);
        }
        List<LadderStore.AssessmentRow> ordered = assessments.stream()
                .sorted(Comparator.comparing(LadderStore.AssessmentRow::personId)
                        .thenComparing(LadderStore.AssessmentRow::eventKey)
                        .thenComparing(LadderStore.AssessmentRow::revision)).toList();
        for (LadderStore.AssessmentRow a : ordered) {
            String person = String.valueOf(a.personId());
            TrainingAssessmentEvidence evidence = assessmentEvidence(a);
            LadderStore.AssessmentRow current = latest.get(a.personId() + "/" + a.eventKey());
            if (current != a) {
                String key = evidence.sourceKey(person);
                if (ledger.contains(key) && !ledger.isReversed(key)) {
                    PostingPlan plan = evidencePoster.reverse(key, current.signedOffOn(), BilingualText.of(
                            "申诉更正：培训考核第 " + current.revision() + " 版取代第 " + a.revision() + " 版",
                            "appeal ruling: training assessment revision " + current.revision() + " replaces revision "
                                    + a.revision()), ledger);
                    ledger = ledger.append(plan.entries());
                }
            } else if (a.passed()) {
                PostingPlan plan = evidencePoster.post(person, evidence, a.heldOn(), a.signedOffOn(), tables, ledger);
                ledger = ledger.append(plan.entries());
            }
        }
        return ledger;
    }

    static TrainingAssessmentEvidence assessmentEvidence(LadderStore.AssessmentRow a) {
        return new TrainingAssessmentEvidence(a.eventKey() + "/rev-" + a.revision(), "PASSED");
    }

    /** A counter-entry for one entry of a configuration's ledger. */
    public Future<JsonObject> reverse(String code, String sourceKey, String why) {
        LocalDate today = today();
        return programme(store.pool(), code).compose(p -> store.pool().withTransaction(conn ->
                store.advisoryLock(conn, "ladder-ledger/" + p.code())
                        .compose(v -> store.ledgerEntry(conn, p.code(), sourceKey))
                        .compose(entry -> store.ledger(conn, p.code(), List.of(Long.parseLong(entry.personId()))))
                        .compose(entries -> {
                            PointsLedger ledger = PointsLedger.of(entries);
                            PostingPlan plan = evidencePoster.reverse(sourceKey, today,
                                    BilingualText.of("更正：" + why, "correction: " + why), ledger);
                            if (plan.isEmpty()) {
                                throw Problem.conflict("ALREADY_REVERSED", plan.note().toString());
                            }
                            return store.append(conn, p.code(), plan.entries())
                                    .map(n -> LadderViews.entry(plan.entries().get(0)).put("config", p.code()));
                        })));
    }

    // ---------------------------------------------------------------- facts

    public Future<JsonObject> recordEvidence(Principal who, LadderStore.EvidenceRow row) {
        return store.person(store.pool(), row.personId())
                .compose(person -> store.insertEvidence(store.pool(), row, who.accountId()))
                .compose(saved -> reconcileAll(List.of(saved.personId()))
                        .map(posted -> LadderViews.evidence(saved).put("posted", posted)));
    }

    /** A contest result from outside Jiangxin (for example a provincial contest), or its correction. */
    public Future<JsonObject> recordResult(LadderStore.ResultRow draft) {
        String key = "X:" + draft.eventKey();
        return store.pool().withTransaction(conn -> store.person(conn, draft.personId())
                        .compose(p -> store.advisoryLock(conn, "ladder-result/" + key))
                        .compose(v -> store.resultsOfEvent(conn, key))
                        .compose(existing -> {
                            Optional<LadderStore.ResultRow> latest = existing.stream()
                                    .filter(r -> r.personId() == draft.personId())
                                    .max(Comparator.comparing(LadderStore.ResultRow::revision));
                            if (latest.isPresent() && java.util.Objects.equals(latest.get().rank(), draft.rank())
                                    && latest.get().award().equals(draft.award())
                                    && latest.get().level() == draft.level()
                                    && latest.get().contestClass() == draft.contestClass()) {
                                throw Problem.conflict("DUPLICATE_RESULT", "该成绩已登记 / this result is already recorded");
                            }
                            LadderStore.ResultRow row = new LadderStore.ResultRow(0, draft.personId(), key, null,
                                    draft.eventName(), draft.trade(), draft.level(), draft.contestClass(), draft.rank(),
                                    draft.award(), latest.map(LadderStore.ResultRow::heldOn).orElse(draft.heldOn()),
                                    latest.isPresent() ? today() : draft.signedOffOn(),
                                    latest.map(r -> r.revision() + 1).orElse(0), "RECORDED");
                            return store.insertResult(conn, row).map(v -> row);
                        }))
                .compose(row -> reconcileAll(List.of(row.personId()))
                        .map(posted -> LadderViews.result(row).put("posted", posted)));
    }

    /** Records that a person already holds a tier (for example from before Jiangxin); one tier per ladder at a time. */
    public Future<JsonObject> recordHolding(Principal who, String ladderId, long personId, String tierCode,
                                            LocalDate since, String basis) {
        return store.pool().withTransaction(conn -> programmeOfLadder(conn, ladderId).compose(p -> {
            Ladder ladder = p.ladder(ladderId);
            if (ladder.tier(tierCode).isEmpty()) {
                throw Problem.invalid(List.of(new FieldError("tier", "梯队 " + ladderId + " 没有层级 " + tierCode
                        + " / the ladder has no tier " + tierCode)));
            }
            return store.person(conn, personId).compose(person -> store.advisoryLock(conn, "ladder-holding/" + personId))
                    .compose(v -> store.holdings(conn, List.of(personId)))
                    .compose(holdings -> promote(conn, ladder, personId, holdings, tierCode, since, StepPolicy.MAY_SKIP,
                            basis, null, who == null ? null : who.accountId()));
        }));
    }

    /** Moves a person to a tier: closes the open holding and opens the new one, as {@link TierHistory} allows. */
    Future<JsonObject> promote(SqlClient conn, Ladder ladder, long personId, List<LadderStore.HoldingRow> holdings,
                               String tierCode, LocalDate on, StepPolicy policy, String basis, Long nominationId,
                               Long recordedBy) {
        List<LadderStore.HoldingRow> mine = holdings.stream().filter(h -> h.ladderId().equals(ladder.ladderId())
                && h.personId() == personId).sorted(Comparator.comparing(LadderStore.HoldingRow::start)).toList();
        TierHistory history = TierHistory.of(ladder, String.valueOf(personId), mine.stream()
                .map(h -> new TierHolding(h.tierCode(), h.start(), h.end(), h.basis())).toList());
        TierHistory next;
        try {
            next = history.promote(tierCode, on, policy, basis);
        } catch (TierTransitionException e) {
            throw Problem.conflict("TIER_TRANSITION", e.reason().toString());
        }
        Optional<LadderStore.HoldingRow> open = mine.stream().filter(h -> h.end() == null).findFirst();
        Future<Void> close = open.isPresent() ? store.closeHolding(conn, open.get().id(), on) : Future.succeededFuture();
        return close.compose(v -> store.insertHolding(conn, ladder.ladderId(), personId, tierCode, on, basis,
                nominationId, recordedBy)).map(id -> new JsonObject().put("id", id).put("ladderId", ladder.ladderId())
                .put("personId", personId).put("tier", tierCode).put("tierName", ladder.tierName(tierCode))
                .put("since", on.toString()).put("basis", basis)
                .put("history", historyView(next)));
    }

    static JsonArray historyView(TierHistory history) {
        JsonArray items = new JsonArray();
        history.holdings().forEach(h -> items.add(new JsonObject().put("tier", h.tierCode())
                .put("tierName", history.ladder().tierName(h.tierCode())).put("start", h.start().toString())
                .put("end", h.end() == null ? null : h.end().toString()).put("basis", h.basis())));
        return items;
    }

    public Future<JsonObject> createCourse(long organizationId, String code, String name, BigDecimal hours,
                                           LocalDate heldOn) {
        return store.organizationName(store.pool(), organizationId)
                .compose(n -> store.insertCourse(store.pool(), organizationId, code, name, hours, heldOn))
                .map(LadderViews::course);
    }

    public Future<JsonObject> courses(Long organizationId) {
        return store.courses(store.pool(), organizationId).map(list -> {
            JsonArray items = new JsonArray();
            list.forEach(c -> items.add(LadderViews.course(c)));
            return new JsonObject().put("items", items);
        });
    }

    /** Attendance with its hours, and the assessment if any; both become evidence and are priced at once. */
    public Future<JsonObject> attend(Principal who, long courseId, long personId, BigDecimal hours, String assessment) {
        return store.course(store.pool(), courseId).compose(course -> {
            if (hours.compareTo(course.hours()) > 0) {
                throw Problem.invalid(List.of(new FieldError("hours", "不能超过课程学时 " + course.hours().stripTrailingZeros()
                        .toPlainString() + " / at most the course's " + course.hours().stripTrailingZeros().toPlainString()
                        + " hours")));
            }
            String reference = "course-" + course.id();
            LocalDate today = today();
            return store.pool().withTransaction(conn -> store.person(conn, personId)
                    .compose(p -> store.insertAttendance(conn, courseId, personId, hours, assessment))
                    .compose(v -> store.insertEvidence(conn, new LadderStore.EvidenceRow(0, personId, "TRAINING_HOURS",
                            reference, "", course.name(), null, null, hours, course.heldOn(), today), who.accountId()))
                    .compose(v -> assessment == null ? Future.succeededFuture()
                            : store.insertEvidence(conn, new LadderStore.EvidenceRow(0, personId, "TRAINING_ASSESSMENT",
                            reference, assessment, course.name(), null, null, null, course.heldOn(), today),
                            who.accountId()).mapEmpty()))
                    .compose(v -> reconcileAll(List.of(personId)))
                    .map(posted -> new JsonObject().put("courseId", courseId).put("personId", personId)
                            .put("hours", hours.stripTrailingZeros().toPlainString()).put("assessment", assessment)
                            .put("posted", posted));
        });
    }

    public Future<JsonObject> courseView(long courseId) {
        return store.course(store.pool(), courseId).compose(c -> store.attendanceOfCourse(store.pool(), courseId)
                .map(list -> {
                    JsonArray items = new JsonArray();
                    list.forEach(a -> items.add(LadderViews.attendance(a)));
                    return LadderViews.course(c).put("attendance", items);
                }));
    }

    public Future<JsonObject> createMentorship(long mentorId, long apprenticeId, LocalDate startedOn, LocalDate endedOn,
                                               JsonArray goals) {
        return store.insertMentorship(store.pool(), mentorId, apprenticeId, startedOn, endedOn, goals)
                .compose(id -> reconcileAll(List.of(mentorId)).compose(n -> mentorshipView(id)));
    }

    public Future<JsonObject> recordProgress(long mentorshipId, String kind, LocalDate date, String grade,
                                             String honourLevel, String description, String evidenceRef) {
        return store.mentorship(store.pool(), mentorshipId).compose(m -> {
            if (date.isBefore(m.startedOn())) {
                throw Problem.invalid(List.of(new FieldError("date", "早于师带徒开始日期 " + m.startedOn()
                        + " / before the mentorship started on " + m.startedOn())));
            }
            return store.insertProgress(store.pool(), mentorshipId, kind, date, grade, honourLevel, description,
                            evidenceRef)
                    .compose(id -> reconcileAll(List.of(m.mentorId())))
                    .compose(posted -> mentorshipView(mentorshipId).map(view -> view.put("posted", posted)));
        });
    }

    public Future<JsonObject> mentorshipView(long id) {
        return store.mentorship(store.pool(), id).compose(m -> store.people(store.pool(),
                List.of(m.mentorId(), m.apprenticeId())).map(people -> LadderViews.mentorship(m, names(people), today(),
                mentorship(m))));
    }

    static Map<Long, String> names(List<Person> people) {
        Map<Long, String> names = new HashMap<>();
        people.forEach(p -> names.put(p.id(), p.name()));
        return names;
    }

    // ---------------------------------------------------------------- proposals and rosters

    /** Who a ladder's rules consider: an enterprise's own workers, or for higher titles every tier holder. */
    Future<List<Long>> candidatePool(SqlClient client, Programme programme, Ladder ladder) {
        if (ladder.scope() == LadderScope.ENTERPRISE) {
            return store.peopleOfOrganization(client, Long.parseLong(ladder.organizationId()));
        }
        return Future.all(store.holdersOfAnyLadder(client), store.peopleOfOrganization(client,
                Long.parseLong(ladder.organizationId()))).map(both -> {
            Set<Long> ids = new java.util.TreeSet<>(both.<List<Long>>resultAt(0));
            ids.addAll(both.<List<Long>>resultAt(1));
            return List.copyOf(ids);
        });
    }

    public Future<ProposalList> proposalList(SqlClient client, String ladderId, String tierCode, int year,
                                             LocalDate asOf, Collection<Long> onlyThese) {
        return programmes(client).compose(all -> store.ladder(client, ladderId).compose(row -> {
            Programme p = all.stream().filter(x -> x.code().equals(row.configCode())).findFirst()
                    .orElseThrow(() -> Problem.notFound("梯队 / ladder", ladderId));
            Ladder ladder = p.ladder(ladderId);
            if (ladder.tier(tierCode).isEmpty()) {
                throw Problem.unknownReference("tier", "梯队 " + ladderId + " 没有层级 " + tierCode + " / the ladder has no tier "
                        + tierCode);
            }
            PromotionRule rule = p.config().ruleBook().inForce(ladderId, tierCode, asOf).orElseThrow(() -> new Problem(404,
                    "NO_RULE_IN_FORCE", asOf + " 没有生效的 " + ladder.tierName(tierCode) + " 晋升规则 / no promotion rule"
                    + " for " + tierCode + " is in force on " + asOf, null));
            Future<List<Long>> pool = onlyThese != null ? Future.succeededFuture(List.copyOf(onlyThese))
                    : candidatePool(client, p, ladder);
            return pool.compose(ids -> Future.all(dossiers(client, p, all, ids),
                    workflowStore.claims(client, ladderId, tierCode, year)).map(loaded -> {
                List<CandidateDossier> dossiers = loaded.resultAt(0);
                List<LadderWorkflowStore.ClaimRow> claims = loaded.resultAt(1);
                QuotaLedger taken = new QuotaLedger(ladderId, tierCode, year, rule.quota(), claims.stream()
                        .map(c -> new QuotaClaim(String.valueOf(c.personId()), c.trade(),
                                String.valueOf(c.organizationId()), String.valueOf(c.nominationId()))).toList());
                return new PromotionPlanner().propose(new PlanningRequest(ladder, tierCode, year, asOf,
                        p.config().ruleBook(), p.config().schemes(), dossiers, taken));
            }));
        }));
    }

    public Future<JsonObject> proposals(String ladderId, String tierCode, Integer year, LocalDate asOf) {
        LocalDate day = asOf != null ? asOf : today();
        int y = year != null ? year : day.getYear();
        return proposalList(store.pool(), ladderId, tierCode, y, day, null).compose(list ->
                workflowStore.nominations(store.pool(), ladderId, tierCode, y, null, null).map(nominations -> {
                    Map<String, JsonObject> byPerson = new HashMap<>();
                    nominations.forEach(n -> byPerson.put(String.valueOf(n.personId()),
                            new JsonObject().put("id", n.id()).put("state", n.state())));
                    return LadderViews.proposals(list, byPerson);
                }));
    }

    /** The holders of each tier on a day; public only where the organization made the roster public. */
    public Future<JsonObject> roster(Principal who, String ladderId, String tierCode, LocalDate asOf) {
        LocalDate day = asOf != null ? asOf : today();
        return programmeOfLadder(store.pool(), ladderId).compose(p -> {
            boolean organizer = who != null && who.is(io.jiangxin.auth.AccountKind.ORGANIZER);
            if (!p.row().publicRoster() && !organizer) {
                throw who == null ? new Problem(401, "SIGN_IN_REQUIRED", "该名册未公开，请先登录 / this roster is not"
                        + " public; sign in first", null)
                        : new Problem(403, "ROSTER_NOT_PUBLIC", "该名册未公开 / this roster is not public", null);
            }
            Ladder ladder = p.ladder(ladderId);
            if (tierCode != null && ladder.tier(tierCode).isEmpty()) {
                throw Problem.unknownReference("tier", "梯队没有层级 " + tierCode + " / the ladder has no tier " + tierCode);
            }
            return store.holdingsOfLadder(store.pool(), ladderId).compose(holdings -> {
                List<LadderStore.HoldingRow> current = holdings.stream().filter(h -> !h.start().isAfter(day)
                        && (h.end() == null || h.end().isAfter(day))).toList();
                List<Long> ids = current.stream().map(LadderStore.HoldingRow::personId).distinct().toList();
                return store.people(store.pool(), ids).compose(people -> store.organizationNames(store.pool(),
                        people.stream().map(Person::organizationId).distinct().toList()).map(orgs -> {
                    Map<Long, Person> byId = new HashMap<>();
                    people.forEach(x -> byId.put(x.id(), x));
                    JsonArray tiers = new JsonArray();
                    for (var tier : ladder.tiers()) {
                        if (tierCode != null && !tier.code().equals(tierCode)) {
                            continue;
                        }
                        JsonArray holders = new JsonArray();
                        current.stream().filter(h -> h.tierCode().equals(tier.code()))
                                .sorted(Comparator.comparing(LadderStore.HoldingRow::start)
                                        .thenComparing(LadderStore.HoldingRow::personId))
                                .forEach(h -> {
                                    Person person = byId.get(h.personId());
                                    JsonObject holder = new JsonObject().put("name", person.name())
                                            .put("organization", orgs.get(person.organizationId()))
                                            .put("trade", person.trade()).put("since", h.start().toString());
                                    if (organizer) {
                                        holder.put("personId", person.id()).put("basis", h.basis())
                                                .put("nominationId", h.nominationId());
                                    }
                                    holders.add(holder);
                                });
                        tiers.add(new JsonObject().put("code", tier.code()).put("name", tier.name())
                                .put("count", holders.size()).put("holders", holders));
                    }
                    return new JsonObject().put("ladderId", ladderId).put("name", ladder.name())
                            .put("asOf", day.toString()).put("public", p.row().publicRoster()).put("tiers", tiers);
                }));
            });
        });
    }

    // ---------------------------------------------------------------- the worker's page

    public Future<JsonObject> workerPage(long personId, LocalDate asOf) {
        LocalDate day = asOf != null ? asOf : today();
        SqlClient c = store.pool();
        return store.person(c, personId).compose(person -> programmes(c).compose(all -> Future.all(List.of(
                store.holdings(c, List.of(personId)), store.ledgerOfPerson(c, personId), store.results(c, List.of(personId)),
                store.evidence(c, List.of(personId)), store.attendanceOf(c, personId),
                store.mentorshipsOf(c, List.of(personId)), store.organizationNames(c, List.of(person.organizationId())),
                workflowStore.nominations(c, null, null, null, null, personId), store.assessments(c, List.of(personId))))
                .compose(loaded -> {
            List<LadderStore.HoldingRow> holdings = loaded.resultAt(0);
            List<LadderStore.ConfigEntry> entries = loaded.resultAt(1);
            List<LadderStore.ResultRow> results = loaded.resultAt(2);
            List<LadderStore.EvidenceRow> evidence = loaded.resultAt(3);
            List<LadderStore.AttendanceRow> attendance = loaded.resultAt(4);
            List<LadderStore.MentorshipRow> mentorships = loaded.resultAt(5);
            Map<Long, String> orgs = loaded.resultAt(6);
            List<LadderWorkflowStore.NominationRow> nominations = loaded.resultAt(7);
            List<LadderStore.AssessmentRow> assessments = loaded.resultAt(8);
            Set<Long> others = new java.util.TreeSet<>();
            mentorships.forEach(m -> {
                others.add(m.mentorId());
                others.add(m.apprenticeId());
            });
            return store.people(c, others).map(people -> {
                Map<String, Ladder> ladders = allLadders(all);
                JsonArray tiers = new JsonArray();
                for (TierHistory h : histories(ladders, personId, holdings)) {
                    tiers.add(new JsonObject().put("ladderId", h.ladder().ladderId()).put("ladderName", h.ladder().name())
                            .put("current", h.heldOn(day).map(x -> new JsonObject().put("tier", x.tierCode())
                                    .put("tierName", h.ladder().tierName(x.tierCode())).put("since", x.start().toString()))
                                    .orElse(null))
                            .put("history", historyView(h)));
                }
                JsonArray points = new JsonArray();
                for (Programme p : all) {
                    List<LedgerEntry> mine = entries.stream().filter(e -> e.configCode().equals(p.code()))
                            .map(LadderStore.ConfigEntry::entry).toList();
                    if (mine.isEmpty()) {
                        continue;
                    }
                    points.add(pointsView(p, mine, personId, day));
                }
                JsonArray resultItems = new JsonArray();
                results.forEach(r -> resultItems.add(LadderViews.result(r)));
                JsonArray evidenceItems = new JsonArray();
                evidence.forEach(e -> evidenceItems.add(LadderViews.evidence(e)));
                JsonArray training = new JsonArray();
                attendance.forEach(a -> training.add(LadderViews.attendance(a)));
                JsonArray assessmentItems = new JsonArray();
                assessments.forEach(a -> assessmentItems.add(LadderViews.assessment(a)));
                Map<Long, String> names = names(people);
                JsonArray apprentices = new JsonArray();
                JsonArray mentors = new JsonArray();
                for (LadderStore.MentorshipRow m : mentorships) {
                    JsonObject view = LadderViews.mentorship(m, names, day, mentorship(m));
                    (m.mentorId() == personId ? apprentices : mentors).add(view);
                }
                JsonArray nominationItems = new JsonArray();
                // Ladder and tier by name too: the worker's page shows names, never codes.
                nominations.forEach(n -> {
                    Ladder ladder = ladders.get(n.ladderId());
                    nominationItems.add(new JsonObject().put("id", n.id())
                            .put("ladderId", n.ladderId()).put("tier", n.tierCode()).put("year", n.year())
                            .put("ladderName", ladder == null ? null : ladder.name())
                            .put("tierName", ladder == null ? null : ladder.tierName(n.tierCode()))
                            .put("state", n.state()));
                });
                return new JsonObject().put("person", new JsonObject().put("id", person.id()).put("name", person.name())
                                .put("organizationId", person.organizationId())
                                .put("organization", orgs.get(person.organizationId())).put("trade", person.trade())
                                .put("skillGrade", person.skillGrade() == null ? null : person.skillGrade().name()))
                        .put("asOf", day.toString()).put("tiers", tiers).put("points", points)
                        .put("results", resultItems).put("evidence", evidenceItems).put("training", training)
                        .put("assessments", assessmentItems)
                        .put("apprentices", apprentices).put("mentors", mentors).put("nominations", nominationItems);
            });
        })));
    }

    /** One configuration's ledger of a person: entries, cumulative points by category over time, and standings. */
    JsonObject pointsView(Programme p, List<LedgerEntry> entries, long personId, LocalDate asOf) {
        JsonArray items = new JsonArray();
        entries.forEach(e -> items.add(LadderViews.entry(e)));
        Map<String, TreeMap<LocalDate, BigDecimal>> byCategory = new TreeMap<>();
        entries.stream().filter(e -> !e.recordedOn().isAfter(asOf)).forEach(e -> byCategory
                .computeIfAbsent(e.category(), k -> new TreeMap<>()).merge(e.effectiveOn(), e.points(), BigDecimal::add));
        JsonArray series = new JsonArray();
        byCategory.forEach((category, byDate) -> {
            JsonArray pointsOverTime = new JsonArray();
            BigDecimal running = BigDecimal.ZERO;
            for (var e : byDate.entrySet()) {
                running = running.add(e.getValue());
                pointsOverTime.add(new JsonObject().put("date", e.getKey().toString())
                        .put("points", LadderViews.points(running)));
            }
            series.add(new JsonObject().put("category", category).put("series", pointsOverTime));
        });
        JsonArray standings = new JsonArray();
        for (PointsScheme scheme : p.config().schemes()) {
            // The scheme's title beside its id: pages show titles, never ids.
            standings.add(LadderViews.standing(calculator.standing(String.valueOf(personId), entries, scheme, asOf))
                    .put("schemeName", LadderViews.text(scheme.name())));
        }
        return new JsonObject().put("config", p.code()).put("entries", items).put("byCategory", series)
                .put("standings", standings);
    }
}
