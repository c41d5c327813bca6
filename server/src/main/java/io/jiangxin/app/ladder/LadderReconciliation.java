package io.jiangxin.app.ladder;

import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.mentoring.Mentorship;
import io.jiangxin.ladder.points.Evidence;
import io.jiangxin.ladder.points.LedgerEntry;
import io.jiangxin.ladder.points.PointsLedger;
import io.jiangxin.ladder.points.TrainingAssessmentEvidence;
import io.jiangxin.ladder.posting.EvidencePoster;
import io.jiangxin.ladder.posting.MentoringPoster;
import io.jiangxin.ladder.posting.PointTables;
import io.jiangxin.ladder.posting.PostingPlan;
import io.jiangxin.ladder.posting.ResultPoster;
import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.storage.ladder.EvidenceStore.EvidenceRow;
import io.jiangxin.storage.ladder.LadderStores;
import io.jiangxin.storage.ladder.MentorshipStore.MentorshipRow;
import io.jiangxin.storage.ladder.ResultFactStore.AssessmentRow;
import io.jiangxin.storage.ladder.ResultFactStore.ResultRow;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Each configuration's points ledger kept a function of the facts: the ladder module's posters run over a person's
 * results, evidence, assessments and mentoring, and what the ledger lacks is appended. Source keys are deterministic
 * and unique per configuration, so posting again, or from two nodes at once, adds nothing twice. Changed or
 * withdrawn facts, and organizers' corrections, are counter-entries.
 */
public record LadderReconciliation(LadderStores stores, Programmes programmes, Clock clock) {

    /** What the posters read of some people, in one configuration. */
    private record PeopleFacts(List<LedgerEntry> ledger, List<ResultRow> results, List<EvidenceRow> evidence,
                               List<MentorshipRow> mentorships, List<AssessmentRow> assessments) {
    }

    private static final ResultPoster RESULT_POSTER = new ResultPoster();
    private static final EvidencePoster EVIDENCE_POSTER = new EvidencePoster();
    private static final MentoringPoster MENTORING_POSTER = new MentoringPoster();

    /** Posts into every configuration in force what these people's facts earn and the ledgers lack. */
    public Future<Integer> reconcileAll(Collection<Long> personIds) {
        return eachProgramme(stores.pool(), p -> reconcile(p, personIds));
    }

    /** Reconciles these people in every configuration in force, inside the caller's transaction. */
    public Future<Integer> reconcileAllIn(SqlClient conn, Collection<Long> personIds) {
        return eachProgramme(conn, p -> reconcileIn(conn, p, personIds));
    }

    /** One configuration after the other, adding up what each posted. */
    private Future<Integer> eachProgramme(SqlClient client, Function<Programme, Future<Integer>> step) {
        return programmes.all(client).compose(all -> {
            Future<Integer> chain = Future.succeededFuture(0);
            for (Programme p : all) {
                chain = chain.compose(n -> step.apply(p).map(m -> n + m));
            }
            return chain;
        });
    }

    /**
     * Runs the posters over the people's facts with the configuration's point tables and appends the new
     * entries, in one transaction under the configuration's posting lock.
     */
    public Future<Integer> reconcile(Programme programme, Collection<Long> personIds) {
        if (programme.tables() == null || personIds.isEmpty()) {
            return Future.succeededFuture(0);
        }
        return stores.pool().withTransaction(conn -> reconcileIn(conn, programme, personIds));
    }

    /** {@link #reconcile} inside the caller's transaction, so a fact and its points commit together. */
    public Future<Integer> reconcileIn(SqlClient conn, Programme programme, Collection<Long> personIds) {
        PointTables tables = programme.tables();
        if (tables == null || personIds.isEmpty()) {
            return Future.succeededFuture(0);
        }
        List<Long> ids = List.copyOf(new LinkedHashSet<>(personIds));
        LocalDate today = LadderCalendar.today(clock);
        return stores.ledger().lock(conn, programme.code())
                .compose(v -> facts(conn, programme.code(), ids))
                .compose(facts -> {
                    Set<String> before = facts.ledger().stream().map(LedgerEntry::sourceKey).collect(Collectors.toSet());
                    PointsLedger ledger = PointsLedger.of(facts.ledger());
                    ledger = postResults(facts.results(), tables, ledger);
                    for (EvidenceRow e : facts.evidence()) {
                        PostingPlan plan = EVIDENCE_POSTER.post(String.valueOf(e.personId()), LadderFacts.evidence(e),
                                e.effectiveOn(), e.recordedOn(), tables, ledger);
                        ledger = ledger.append(plan.entries());
                    }
                    ledger = postAssessments(facts.assessments(), tables, ledger);
                    if (tables.mentoring() != null) {
                        List<Mentorship> pairs = facts.mentorships().stream().map(LadderFacts::mentorship).toList();
                        for (Long mentor : ids) {
                            PostingPlan plan = MENTORING_POSTER.post(String.valueOf(mentor), pairs, tables.mentoring(),
                                    today, ledger);
                            ledger = ledger.append(plan.entries());
                        }
                    }
                    List<LedgerEntry> fresh = ledger.entries().stream().filter(e -> !before.contains(e.sourceKey()))
                            .toList();
                    return stores.ledger().append(conn, programme.code(), fresh);
                });
    }

    private Future<PeopleFacts> facts(SqlClient conn, String configCode, List<Long> ids) {
        Future<List<LedgerEntry>> ledger = stores.ledger().ledger(conn, configCode, ids);
        Future<List<ResultRow>> results = stores.results().results(conn, ids);
        Future<List<EvidenceRow>> evidence = stores.evidence().evidence(conn, ids);
        Future<List<MentorshipRow>> mentorships = stores.mentorships().mentorshipsOf(conn, ids);
        Future<List<AssessmentRow>> assessments = stores.results().assessments(conn, ids);
        return Future.all(ledger, results, evidence, mentorships, assessments).map(v -> new PeopleFacts(
                ledger.result(), results.result(), evidence.result(), mentorships.result(), assessments.result()));
    }

    /** Results in person, event and revision order; a withdrawn revision retracts what the event earned. */
    private PointsLedger postResults(List<ResultRow> results, PointTables tables, PointsLedger ledger) {
        List<ResultRow> ordered = results.stream().sorted(Comparator.comparing(ResultRow::personId)
                .thenComparing(ResultRow::eventKey).thenComparing(ResultRow::revision)).toList();
        for (ResultRow r : ordered) {
            PostingPlan plan;
            if (r.rank() == null) {
                plan = RESULT_POSTER.retract(String.valueOf(r.personId()), r.eventKey(), r.signedOffOn(),
                        BilingualText.of("申诉更正：成绩取消（第 " + r.revision() + " 版）",
                                "appeal ruling: result withdrawn (revision " + r.revision() + ")"), ledger);
            } else if (tables.contest() != null) {
                plan = RESULT_POSTER.post(LadderFacts.contestResult(r), tables.contest(), ledger);
            } else {
                continue;
            }
            ledger = ledger.append(plan.entries());
        }
        return ledger;
    }

    /**
     * Training assessments judged in Jiangxin: the latest revision of each person and event, when passed, is
     * training-assessment evidence {@code E<event>/rev-<n>} (outcome PASSED); a superseded revision's entry is
     * reversed with a counter-entry, as contest results are.
     */
    private PointsLedger postAssessments(List<AssessmentRow> assessments, PointTables tables, PointsLedger ledger) {
        Map<String, AssessmentRow> latest = new HashMap<>();
        for (AssessmentRow a : assessments) {
            latest.merge(a.personId() + "/" + a.eventKey(), a, (x, y) -> x.revision() >= y.revision() ? x : y);
        }
        List<AssessmentRow> ordered = assessments.stream().sorted(Comparator.comparing(AssessmentRow::personId)
                .thenComparing(AssessmentRow::eventKey).thenComparing(AssessmentRow::revision)).toList();
        for (AssessmentRow a : ordered) {
            String person = String.valueOf(a.personId());
            TrainingAssessmentEvidence evidence = LadderFacts.assessmentEvidence(a);
            AssessmentRow current = latest.get(a.personId() + "/" + a.eventKey());
            if (current != a) {
                String key = evidence.sourceKey(person);
                if (ledger.contains(key) && !ledger.isReversed(key)) {
                    PostingPlan plan = EVIDENCE_POSTER.reverse(key, current.signedOffOn(), BilingualText.of(
                            "申诉更正：培训考核第 " + current.revision() + " 版取代第 " + a.revision() + " 版",
                            "appeal ruling: training assessment revision " + current.revision() + " replaces revision "
                                    + a.revision()), ledger);
                    ledger = ledger.append(plan.entries());
                }
            } else if (a.passed()) {
                PostingPlan plan = EVIDENCE_POSTER.post(person, evidence, a.heldOn(), a.signedOffOn(), tables, ledger);
                ledger = ledger.append(plan.entries());
            }
        }
        return ledger;
    }

    /**
     * Counter-entries, in every configuration in force, for the points one piece of evidence earned, inside the
     * caller's transaction; configurations where it earned nothing or was already reversed add nothing.
     */
    public Future<Integer> reverseEvidenceIn(SqlClient conn, long personId, Evidence evidence, BilingualText why) {
        String key = evidence.sourceKey(String.valueOf(personId));
        LocalDate today = LadderCalendar.today(clock);
        return eachProgramme(conn, p -> stores.ledger().lock(conn, p.code())
                .compose(v -> stores.ledger().ledger(conn, p.code(), List.of(personId)))
                .compose(entries -> {
                    PointsLedger ledger = PointsLedger.of(entries);
                    if (!ledger.contains(key) || ledger.isReversed(key)) {
                        return Future.succeededFuture(0);
                    }
                    PostingPlan plan = EVIDENCE_POSTER.reverse(key, today, why, ledger);
                    return stores.ledger().append(conn, p.code(), plan.entries()).map(m -> plan.entries().size());
                }));
    }

    /** An organizer's correction: a counter-entry for one entry of a configuration's ledger. */
    public Future<JsonObject> reverse(String code, String sourceKey, String why) {
        LocalDate today = LadderCalendar.today(clock);
        return programmes.byCode(stores.pool(), code).compose(p -> stores.pool().withTransaction(conn ->
                stores.ledger().lock(conn, p.code())
                        .compose(v -> stores.ledger().ledgerEntry(conn, p.code(), sourceKey))
                        .compose(entry -> stores.ledger().ledger(conn, p.code(),
                                List.of(Long.parseLong(entry.personId()))))
                        .compose(entries -> {
                            PointsLedger ledger = PointsLedger.of(entries);
                            PostingPlan plan = EVIDENCE_POSTER.reverse(sourceKey, today,
                                    BilingualText.of("更正：" + why, "correction: " + why), ledger);
                            if (plan.isEmpty()) {
                                throw new Problem(ErrorCode.ALREADY_REVERSED, plan.note().toString());
                            }
                            return stores.ledger().append(conn, p.code(), plan.entries())
                                    .map(n -> LadderViews.entry(plan.entries().get(0)).put("config", p.code()));
                        })));
    }
}
