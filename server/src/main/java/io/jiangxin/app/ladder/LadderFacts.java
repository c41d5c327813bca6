package io.jiangxin.app.ladder;

import io.jiangxin.ladder.Level;
import io.jiangxin.ladder.SkillGrade;
import io.jiangxin.ladder.mentoring.MentoringGoal;
import io.jiangxin.ladder.mentoring.Mentorship;
import io.jiangxin.ladder.mentoring.ProgressEvent;
import io.jiangxin.ladder.mentoring.ProgressKind;
import io.jiangxin.ladder.points.CertificateEvidence;
import io.jiangxin.ladder.points.Evidence;
import io.jiangxin.ladder.points.HonourEvidence;
import io.jiangxin.ladder.points.InnovationEvidence;
import io.jiangxin.ladder.points.TechServiceEvidence;
import io.jiangxin.ladder.points.TrainingAssessmentEvidence;
import io.jiangxin.ladder.points.TrainingHoursEvidence;
import io.jiangxin.ladder.posting.ContestResult;
import io.jiangxin.ladder.quota.QuotaClaim;
import io.jiangxin.ladder.quota.QuotaLedger;
import io.jiangxin.ladder.rules.PromotionRule;
import io.jiangxin.ladder.tier.Ladder;
import io.jiangxin.ladder.tier.TierHistory;
import io.jiangxin.ladder.tier.TierHolding;
import io.jiangxin.registry.ChineseIdNumber;
import io.jiangxin.registry.Person;
import io.jiangxin.storage.ladder.EvidenceStore.EvidenceRow;
import io.jiangxin.storage.ladder.MentorshipStore.MentorshipRow;
import io.jiangxin.storage.ladder.NominationStore.ClaimRow;
import io.jiangxin.storage.ladder.ResultFactStore.AssessmentRow;
import io.jiangxin.storage.ladder.ResultFactStore.ResultRow;
import io.jiangxin.storage.ladder.TierHoldingStore.HoldingRow;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Stored facts as the ladder module's values: people, tier histories, results, evidence, mentorships, quota claims. */
final class LadderFacts {

    private LadderFacts() {
    }

    static io.jiangxin.ladder.Person person(Person p) {
        LocalDate birth = p.idNumber() == null ? null : ChineseIdNumber.birthDate(p.idNumber()).orElse(null);
        return new io.jiangxin.ladder.Person(String.valueOf(p.id()), p.name(), birth, p.trade(),
                String.valueOf(p.organizationId()));
    }

    static Map<Long, String> names(List<Person> people) {
        Map<Long, String> names = new HashMap<>();
        people.forEach(p -> names.put(p.id(), p.name()));
        return names;
    }

    /** A person's tier history on each ladder of {@code ladders} they have held a tier of. */
    static List<TierHistory> histories(Map<String, Ladder> ladders, long personId, List<HoldingRow> holdings) {
        Map<String, List<TierHolding>> byLadder = new TreeMap<>();
        holdings.stream().filter(h -> h.personId() == personId && ladders.containsKey(h.ladderId()))
                .forEach(h -> byLadder.computeIfAbsent(h.ladderId(), k -> new ArrayList<>())
                        .add(new TierHolding(h.tierCode(), h.start(), h.end(), h.basis())));
        List<TierHistory> histories = new ArrayList<>();
        byLadder.forEach((ladderId, list) -> histories.add(TierHistory.of(ladders.get(ladderId),
                String.valueOf(personId), list)));
        return histories;
    }

    /** The results that stand: an event whose latest revision was withdrawn counts for nothing. */
    static List<ContestResult> contestResults(List<ResultRow> rows) {
        Map<String, ResultRow> latest = new HashMap<>();
        rows.forEach(r -> latest.merge(r.eventKey() + "/" + r.personId(), r,
                (a, b) -> a.revision() >= b.revision() ? a : b));
        return rows.stream().filter(r -> r.rank() != null && latest.get(r.eventKey() + "/" + r.personId()).rank() != null)
                .map(LadderFacts::contestResult).toList();
    }

    static ContestResult contestResult(ResultRow r) {
        return new ContestResult(String.valueOf(r.personId()), r.eventKey(), r.eventName(), r.trade(), r.level(),
                r.contestClass(), r.rank(), r.award(), r.heldOn(), r.signedOffOn(), r.revision());
    }

    static Mentorship mentorship(MentorshipRow m) {
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

    static Evidence evidence(EvidenceRow e) {
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

    /** The quota slots of a title and year already claimed by namings, as the ladder's quota ledger. */
    static QuotaLedger quota(String ladderId, String tierCode, int year, PromotionRule rule, List<ClaimRow> claims) {
        return new QuotaLedger(ladderId, tierCode, year, rule.quota(), claims.stream()
                .map(c -> new QuotaClaim(String.valueOf(c.personId()), c.trade(), String.valueOf(c.organizationId()),
                        String.valueOf(c.nominationId()))).toList());
    }

    /** A training assessment judged in Jiangxin, as training-assessment evidence {@code E<event>/rev-<n>}. */
    static TrainingAssessmentEvidence assessmentEvidence(AssessmentRow a) {
        return new TrainingAssessmentEvidence(a.eventKey() + "/rev-" + a.revision(), "PASSED");
    }
}
