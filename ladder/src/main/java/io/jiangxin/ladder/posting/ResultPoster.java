package io.jiangxin.ladder.posting;

import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.ContestClass;
import io.jiangxin.ladder.Points;
import io.jiangxin.ladder.points.ContestEvidence;
import io.jiangxin.ladder.points.LedgerEntry;
import io.jiangxin.ladder.points.PointsLedger;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Turns signed-off contest results into ledger entries, and appeal rulings into reversals.
 *
 * <p>Entry point for the server: call {@link #post} when an event is signed off (once per competitor) and
 * again with the next revision when an arbitration ruling changes a result; append the plan's entries.
 * The call is idempotent: the entry's source key is {@code contest_result/<person>/<event>/rev-<n>}, and a
 * result already posted, unchanged in points, or older than what is posted yields an empty plan.
 */
public final class ResultPoster {

    public PostingPlan post(ContestResult result, ContestPointTable table, PointsLedger ledger) {
        ContestEvidence evidence = result.evidence();
        String key = evidence.sourceKey(result.personId());
        if (ledger.contains(key)) {
            return PostingPlan.nothing(BilingualText.of("已过账：" + key, "already posted: " + key));
        }
        Optional<Integer> newest = postedRevisions(result, ledger).stream().max(Integer::compareTo);
        if (newest.isPresent() && newest.get() > result.revision()) {
            return PostingPlan.nothing(BilingualText.of(
                    "已有更新的第 " + newest.get() + " 版成绩，忽略第 " + result.revision() + " 版",
                    "revision " + newest.get() + " is already posted; revision " + result.revision() + " is ignored"));
        }
        List<LedgerEntry> live = liveEntries(result, ledger);
        Optional<ContestPointRow> row = table.row(result.level(), result.contestClass(), result.rank(), result.award());
        BilingualText where = ContestClass.describe(result.level(), result.contestClass());
        if (live.size() == 1 && row.isPresent() && sameStanding(live.get(0), result, row.get())) {
            return PostingPlan.nothing(BilingualText.of("名次与积分未变", "rank and points unchanged"));
        }
        List<LedgerEntry> reversals = live.stream().map(old -> old.reversal(result.signedOffOn(), BilingualText.of(
                "申诉更正：第 " + rankOf(old) + " 名 → 第 " + result.rank() + " 名（第 " + result.revision() + " 版）",
                "appeal ruling: rank " + rankOf(old) + " → " + result.rank() + " (revision " + result.revision() + ")")))
                .toList();
        if (row.isEmpty()) {
            return new PostingPlan(reversals, List.of(), BilingualText.of(
                    where.zh() + "第 " + result.rank() + " 名不在积分表内，不计分",
                    where.en() + " rank " + result.rank() + " earns no points in the table"));
        }
        String points = Points.format(row.get().points());
        String award = row.get().award() == null ? "" : " " + row.get().award();
        BilingualText note = BilingualText.of(where.zh() + "第 " + result.rank() + " 名" + award + "，" + points + " 分",
                where.en() + " rank " + result.rank() + award + ", " + points + " points");
        LedgerEntry entry = LedgerEntry.of(key, result.personId(), table.category(), row.get().points(),
                result.heldOn(), result.signedOffOn(), evidence, note);
        return new PostingPlan(reversals, List.of(entry), note);
    }

    /**
     * Reverses whatever stands for this person's result in this event, e.g. after a disqualification
     * (取消竞赛资格) ruled on appeal.
     */
    public PostingPlan retract(String personId, String eventId, LocalDate ruledOn, BilingualText why, PointsLedger ledger) {
        List<LedgerEntry> reversals = ledger.standingEntries().stream()
                .filter(e -> e.personId().equals(personId) && e.evidence() instanceof ContestEvidence c
                        && c.eventId().equals(eventId))
                .map(e -> e.reversal(ruledOn, why)).toList();
        return reversals.isEmpty()
                ? PostingPlan.nothing(BilingualText.of("无可冲销的分录", "nothing to reverse"))
                : new PostingPlan(reversals, List.of(), why);
    }

    private static List<Integer> postedRevisions(ContestResult result, PointsLedger ledger) {
        return ledger.entries().stream()
                .filter(e -> e.personId().equals(result.personId()) && e.evidence() instanceof ContestEvidence c
                        && c.eventId().equals(result.eventId()))
                .map(e -> ((ContestEvidence) e.evidence()).revision()).toList();
    }

    private static List<LedgerEntry> liveEntries(ContestResult result, PointsLedger ledger) {
        return ledger.standingEntries().stream()
                .filter(e -> e.personId().equals(result.personId()) && e.evidence() instanceof ContestEvidence c
                        && c.eventId().equals(result.eventId()))
                .toList();
    }

    private static boolean sameStanding(LedgerEntry old, ContestResult result, ContestPointRow row) {
        ContestEvidence was = (ContestEvidence) old.evidence();
        return was.rank() == result.rank() && was.level() == result.level()
                && was.contestClass() == result.contestClass() && old.points().equals(Points.of(row.points()))
                && old.effectiveOn().equals(result.heldOn());
    }

    private static int rankOf(LedgerEntry entry) {
        return ((ContestEvidence) entry.evidence()).rank();
    }
}
