package io.jiangxin.ladder.posting;

import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.ContestClass;
import io.jiangxin.ladder.Examples;
import io.jiangxin.ladder.Level;
import io.jiangxin.ladder.io.LadderConfig;
import io.jiangxin.ladder.points.LedgerEntry;
import io.jiangxin.ladder.points.PointsCalculator;
import io.jiangxin.ladder.points.PointsLedger;
import io.jiangxin.ladder.points.PointsScheme;
import io.jiangxin.ladder.points.Standing;
import io.jiangxin.ladder.points.VerdictKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.jiangxin.ladder.Examples.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A welder placed 4th in a 市一类 event (12 points in the Weifang table); an appeal (申诉) moved them to
 * 3rd (20 points). The ledger keeps the original, adds its counter-entry and the new entry.
 */
class AppealReversalTest {

    private final LadderConfig config = Examples.weifang();
    private final ContestPointTable table = config.tables("wf-enterprise-tables").orElseThrow().contest();
    private final PointsScheme scheme = config.scheme("wf-enterprise-points").orElseThrow();
    private final ResultPoster poster = new ResultPoster();

    private final ContestResult signedOff = new ContestResult("P7", "E-WELD-2026", "焊工决赛", "焊工", Level.CITY,
            ContestClass.FIRST, 4, "", LocalDate.of(2026, 5, 10), LocalDate.of(2026, 5, 11), 0);
    private final ContestResult afterAppeal = new ContestResult("P7", "E-WELD-2026", "焊工决赛", "焊工", Level.CITY,
            ContestClass.FIRST, 3, "BRONZE", LocalDate.of(2026, 5, 10), LocalDate.of(2026, 5, 14), 1);

    @Test
    void postingASignedOffResultOnceAndOnlyOnce() {
        PostingPlan first = poster.post(signedOff, table, PointsLedger.empty());
        assertThat(first.additions()).singleElement().satisfies(e -> {
            assertThat(e.sourceKey()).isEqualTo("contest_result/P7/E-WELD-2026/rev-0");
            assertThat(e.points()).isEqualByComparingTo("12");
            assertThat(e.category()).isEqualTo("COMPETITION");
            assertThat(e.effectiveOn()).isEqualTo(LocalDate.of(2026, 5, 10));
            assertThat(e.recordedOn()).isEqualTo(LocalDate.of(2026, 5, 11));
            assertThat(e.note().toString()).isEqualTo("市一类第 4 名，12 分 / city class I rank 4, 12 points");
        });
        PointsLedger ledger = PointsLedger.empty().append(first.entries());

        PostingPlan again = poster.post(signedOff, table, ledger);

        assertThat(again.isEmpty()).isTrue();
        assertThat(again.note().en()).isEqualTo("already posted: contest_result/P7/E-WELD-2026/rev-0");
        assertThat(ledger.append(first.entries()).entries()).hasSize(1);
    }

    @Test
    void anAppealReversesTheOldEntryAndPostsTheNewOne() {
        PointsLedger ledger = PointsLedger.empty().append(poster.post(signedOff, table, PointsLedger.empty()).entries());

        PostingPlan plan = poster.post(afterAppeal, table, ledger);

        assertThat(plan.reversals()).singleElement().satisfies(r -> {
            assertThat(r.reverses()).isEqualTo("contest_result/P7/E-WELD-2026/rev-0");
            assertThat(r.points()).isEqualByComparingTo("-12");
            assertThat(r.recordedOn()).isEqualTo(LocalDate.of(2026, 5, 14));
            assertThat(r.note().toString()).isEqualTo("申诉更正：第 4 名 → 第 3 名（第 1 版） / appeal ruling: rank 4 → 3 (revision 1)");
        });
        assertThat(plan.additions()).singleElement().satisfies(e -> {
            assertThat(e.sourceKey()).isEqualTo("contest_result/P7/E-WELD-2026/rev-1");
            assertThat(e.points()).isEqualByComparingTo("20");
        });
        PointsLedger after = ledger.append(plan.entries());

        // History kept: original, counter-entry, new entry. Net 20.
        assertThat(after.entries()).extracting(LedgerEntry::sourceKey).containsExactly(
                "contest_result/P7/E-WELD-2026/rev-0", "contest_result/P7/E-WELD-2026/rev-1",
                "reversal/contest_result/P7/E-WELD-2026/rev-0");
        assertThat(after.entries().stream().map(LedgerEntry::points).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
                .isEqualByComparingTo("20");
        Standing now = new PointsCalculator().standing("P7", after.entries(), scheme, TODAY);
        assertThat(now.category("COMPETITION").orElseThrow().raw()).isEqualByComparingTo("20");
        assertThat(now.category("COMPETITION").orElseThrow().counted()).isEqualByComparingTo("20");
        assertThat(now.category("COMPETITION").orElseThrow().verdicts()).extracting(v -> v.reason().en()).containsExactly(
                "reversed by reversal/contest_result/P7/E-WELD-2026/rev-0",
                "20 counted",
                "counter-entry cancelling contest_result/P7/E-WELD-2026/rev-0");

        // Before the ruling was recorded, the standing still shows the original rank.
        Standing beforeRuling = new PointsCalculator().standing("P7", after.entries(), scheme, LocalDate.of(2026, 5, 12));
        assertThat(beforeRuling.total()).isEqualByComparingTo("12");

        // Replaying the ruling, or a late delivery of the original result, changes nothing.
        assertThat(poster.post(afterAppeal, table, after).isEmpty()).isTrue();
        PostingPlan late = poster.post(signedOff, table, after);
        assertThat(late.isEmpty()).isTrue();
        assertThat(late.note().en()).isEqualTo("already posted: contest_result/P7/E-WELD-2026/rev-0");
    }

    @Test
    void anOlderRevisionArrivingAfterANewerOneIsIgnored() {
        PointsLedger ledger = PointsLedger.empty().append(poster.post(afterAppeal, table, PointsLedger.empty()).entries());

        PostingPlan stale = poster.post(signedOff, table, ledger);

        assertThat(stale.isEmpty()).isTrue();
        assertThat(stale.note().en()).isEqualTo("revision 1 is already posted; revision 0 is ignored");
    }

    @Test
    void aRulingThatDropsTheRankOutOfTheTableOnlyReverses() {
        PointsLedger ledger = PointsLedger.empty().append(poster.post(signedOff, table, PointsLedger.empty()).entries());
        ContestResult eleventh = new ContestResult("P7", "E-WELD-2026", "焊工决赛", "焊工", Level.CITY, ContestClass.FIRST,
                11, "", LocalDate.of(2026, 5, 10), LocalDate.of(2026, 5, 15), 1);

        PostingPlan plan = poster.post(eleventh, table, ledger);

        assertThat(plan.reversals()).hasSize(1);
        assertThat(plan.additions()).isEmpty();
        assertThat(plan.note().en()).isEqualTo("city class I rank 11 earns no points in the table");
    }

    @Test
    void aRulingThatChangesNothingPostsNothing() {
        PointsLedger ledger = PointsLedger.empty().append(poster.post(signedOff, table, PointsLedger.empty()).entries());
        ContestResult sameRank = new ContestResult("P7", "E-WELD-2026", "焊工决赛", "焊工", Level.CITY, ContestClass.FIRST,
                4, "", LocalDate.of(2026, 5, 10), LocalDate.of(2026, 5, 15), 1);

        assertThat(poster.post(sameRank, table, ledger).isEmpty()).isTrue();
    }

    @Test
    void aDisqualificationRetractsThePoints() {
        PointsLedger ledger = PointsLedger.empty().append(poster.post(signedOff, table, PointsLedger.empty()).entries());

        PostingPlan plan = poster.retract("P7", "E-WELD-2026", LocalDate.of(2026, 5, 20),
                BilingualText.of("仲裁：取消竞赛资格", "arbitration: disqualified"), ledger);
        PointsLedger after = ledger.append(plan.entries());

        assertThat(new PointsCalculator().standing("P7", after.entries(), scheme, TODAY).total()).isEqualByComparingTo("0");
        assertThat(after.standingEntries()).isEmpty();
        assertThat(poster.retract("P7", "E-WELD-2026", LocalDate.of(2026, 5, 21), BilingualText.of("x", "x"), after)
                .isEmpty()).isTrue();
        assertThat(new PointsCalculator().standing("P7", after.entries(), scheme, TODAY)
                .category("COMPETITION").orElseThrow().verdicts()).allMatch(v -> v.kind() == VerdictKind.EXCLUDED);
    }
}
