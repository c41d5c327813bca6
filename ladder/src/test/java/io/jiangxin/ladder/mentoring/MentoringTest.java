package io.jiangxin.ladder.mentoring;

import io.jiangxin.ladder.Examples;
import io.jiangxin.ladder.Level;
import io.jiangxin.ladder.SkillGrade;
import io.jiangxin.ladder.points.LedgerEntry;
import io.jiangxin.ladder.points.PointsLedger;
import io.jiangxin.ladder.posting.MentoringPointTable;
import io.jiangxin.ladder.posting.MentoringPoster;
import io.jiangxin.ladder.posting.PostingPlan;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MentoringTest {

    private final MentoringPointTable table = Examples.weifang().tables("wf-enterprise-tables").orElseThrow().mentoring();
    private final MentoringPoster poster = new MentoringPoster();

    private final MentoringGoal technicianBy2026 = new MentoringGoal("G1", "两年内达到技师", SkillGrade.TECHNICIAN,
            LocalDate.of(2026, 6, 30));

    @Test
    void progressFeedsMentoringPointsOnceEach() {
        Mentorship pair = new Mentorship("M1", "MENTOR", "APP", LocalDate.of(2024, 6, 1), null, List.of(technicianBy2026), List.of());
        PointsLedger ledger = PointsLedger.empty();

        PostingPlan start = poster.post("MENTOR", List.of(pair), table, LocalDate.of(2024, 6, 2), ledger);
        assertThat(start.additions()).extracting(LedgerEntry::sourceKey).containsExactly("mentoring/MENTOR/M1/APP/MENTORING");
        ledger = ledger.append(start.entries());

        Mentorship progressed = pair
                .withProgress(new ProgressEvent("E1", ProgressKind.GRADE_REACHED, LocalDate.of(2026, 3, 1),
                        SkillGrade.TECHNICIAN, null, "取得技师证书", "CERT-88"))
                .withProgress(new ProgressEvent("E2", ProgressKind.HONOUR_WON, LocalDate.of(2026, 9, 1),
                        null, Level.CITY, "潍坊市技术能手", "HON-5"));
        PostingPlan later = poster.post("MENTOR", List.of(progressed), table, Examples.TODAY, ledger);

        assertThat(later.additions()).extracting(LedgerEntry::sourceKey).containsExactly(
                "mentoring/MENTOR/M1/APP/GRADE:TECHNICIAN", "mentoring/MENTOR/M1/APP/HONOUR:CITY");
        assertThat(later.additions()).extracting(e -> e.points().intValue()).containsExactly(4, 3);
        assertThat(later.additions().get(0).effectiveOn()).isEqualTo(LocalDate.of(2026, 3, 1));
        ledger = ledger.append(later.entries());
        assertThat(poster.post("MENTOR", List.of(progressed), table, Examples.TODAY, ledger).isEmpty()).isTrue();
    }

    @Test
    void extraApprenticesEarnUpToTheTableMaximum() {
        List<Mentorship> pairs = List.of(
                new Mentorship("M1", "T", "A1", LocalDate.of(2020, 1, 1), null, List.of(), List.of()),
                new Mentorship("M2", "T", "A2", LocalDate.of(2020, 2, 1), null, List.of(), List.of()),
                new Mentorship("M3", "T", "A3", LocalDate.of(2020, 3, 1), null, List.of(), List.of()),
                new Mentorship("M4", "T", "A4", LocalDate.of(2020, 4, 1), null, List.of(), List.of()),
                new Mentorship("M5", "T", "A5", LocalDate.of(2020, 5, 1), null, List.of(), List.of()),
                new Mentorship("M6", "T", "A6", LocalDate.of(2020, 6, 1), null, List.of(), List.of()),
                // the same apprentice again under a second pairing counts once
                new Mentorship("M7", "T", "A2", LocalDate.of(2021, 1, 1), null, List.of(), List.of()));

        PostingPlan plan = poster.post("T", pairs, table, Examples.TODAY, PointsLedger.empty());

        // base 5 + 4 extra × 2 (table maximum 4; A6 earns nothing)
        assertThat(plan.additions()).hasSize(5);
        assertThat(plan.additions().stream().map(LedgerEntry::points).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
                .isEqualByComparingTo("13");
    }

    @Test
    void goalsAreMetOpenOrOverdue() {
        Mentorship pair = new Mentorship("M1", "MENTOR", "APP", LocalDate.of(2024, 6, 1), null, List.of(technicianBy2026), List.of());

        assertThat(pair.goalStatus(technicianBy2026, LocalDate.of(2026, 1, 1))).isEqualTo(GoalStatus.OPEN);
        assertThat(pair.goalStatus(technicianBy2026, Examples.TODAY)).isEqualTo(GoalStatus.OVERDUE);
        Mentorship met = pair.withProgress(new ProgressEvent("E1", ProgressKind.GRADE_REACHED, LocalDate.of(2026, 3, 1),
                SkillGrade.SENIOR_TECHNICIAN, null, "", "CERT"));
        assertThat(met.goalStatus(technicianBy2026, Examples.TODAY)).isEqualTo(GoalStatus.MET);
    }

    @Test
    void aMentorCannotBeTheirOwnApprentice() {
        assertThatThrownBy(() -> new Mentorship("M", "X", "X", LocalDate.of(2024, 1, 1), null, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
