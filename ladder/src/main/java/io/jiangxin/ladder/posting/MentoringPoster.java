package io.jiangxin.ladder.posting;

import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.Points;
import io.jiangxin.ladder.mentoring.Mentorship;
import io.jiangxin.ladder.mentoring.ProgressEvent;
import io.jiangxin.ladder.mentoring.ProgressKind;
import io.jiangxin.ladder.points.LedgerEntry;
import io.jiangxin.ladder.points.MentoringEvidence;
import io.jiangxin.ladder.points.PointsLedger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Mentoring points from a mentor's 师带徒 records, as of a date. The first apprentice (earliest start, then
 * apprentice id) earns {@code forMentoring}; each further distinct apprentice earns {@code perExtraApprentice}
 * up to the table's maximum; each apprentice earns each milestone once. Run it whenever a pair or a progress
 * event is recorded: entries already in the ledger are skipped, so only what is new is returned.
 */
public final class MentoringPoster {

    private static final Comparator<Mentorship> BY_START = Comparator.comparing(Mentorship::startedOn)
            .thenComparing(Mentorship::apprenticeId).thenComparing(Mentorship::mentorshipId);

    public PostingPlan post(String mentorId, Collection<Mentorship> mentorships, MentoringPointTable table,
                            LocalDate asOf, PointsLedger ledger) {
        List<Mentorship> pairs = mentorships.stream()
                .filter(m -> m.mentorId().equals(mentorId) && !m.startedOn().isAfter(asOf)).sorted(BY_START).toList();
        List<LedgerEntry> entries = new ArrayList<>();
        Set<String> apprentices = new HashSet<>();
        for (Mentorship pair : pairs) {
            if (!apprentices.add(pair.apprenticeId())) {
                continue;
            }
            if (apprentices.size() == 1) {
                entries.add(entry(mentorId, pair, "MENTORING", table.forMentoring(), pair.startedOn(), asOf, table,
                        BilingualText.of("带徒", "mentoring")));
            } else if (apprentices.size() - 1 <= table.maxExtraApprentices()) {
                entries.add(entry(mentorId, pair, "EXTRA_APPRENTICE", table.perExtraApprentice(), pair.startedOn(),
                        asOf, table, BilingualText.of("增带徒弟 " + pair.apprenticeId(),
                                "further apprentice " + pair.apprenticeId())));
            }
        }
        Set<String> milestonesSeen = new HashSet<>();
        for (Mentorship pair : pairs) {
            for (MilestonePoints milestone : table.milestones()) {
                Optional<ProgressEvent> reached = reached(pair, milestone, asOf);
                // One milestone per apprentice, even if two of the mentor's pairs recorded it.
                if (reached.isPresent() && milestonesSeen.add(pair.apprenticeId() + "/" + milestone.code())) {
                    entries.add(entry(mentorId, pair, milestone.code(), milestone.points(), reached.get().date(),
                            asOf, table, BilingualText.of("徒弟 " + pair.apprenticeId() + " 达成 " + milestone.code(),
                                    "apprentice " + pair.apprenticeId() + " reached " + milestone.code())));
                }
            }
        }
        List<LedgerEntry> fresh = entries.stream()
                .filter(e -> e.points().signum() > 0 && !ledger.contains(e.sourceKey())).toList();
        return fresh.isEmpty()
                ? PostingPlan.nothing(BilingualText.of("无新增带徒积分", "no new mentoring points"))
                : new PostingPlan(List.of(), fresh, BilingualText.of("新增带徒积分 " + fresh.size() + " 条",
                        fresh.size() + " new mentoring entries"));
    }

    private static Optional<ProgressEvent> reached(Mentorship pair, MilestonePoints milestone, LocalDate asOf) {
        if (milestone.grade() != null) {
            return pair.gradeReached(milestone.grade(), asOf);
        }
        return pair.progress().stream().filter(p -> p.kind() == ProgressKind.HONOUR_WON && !p.date().isAfter(asOf)
                && p.honourLevel().compareTo(milestone.honourLevel()) >= 0).findFirst();
    }

    private static LedgerEntry entry(String mentorId, Mentorship pair, String milestone, BigDecimal points,
                                     LocalDate effectiveOn, LocalDate recordedOn, MentoringPointTable table,
                                     BilingualText what) {
        MentoringEvidence evidence = new MentoringEvidence(pair.mentorshipId(), pair.apprenticeId(), milestone);
        BilingualText note = BilingualText.of(what.zh() + "，" + Points.format(points) + " 分",
                what.en() + ", " + Points.format(points) + " points");
        return LedgerEntry.of(evidence.sourceKey(mentorId), mentorId, table.category(), points, effectiveOn,
                recordedOn, evidence, note);
    }
}
