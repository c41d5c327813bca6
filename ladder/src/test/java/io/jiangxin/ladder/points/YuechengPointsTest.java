package io.jiangxin.ladder.points;

import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.ContestClass;
import io.jiangxin.ladder.Examples;
import io.jiangxin.ladder.Level;
import io.jiangxin.ladder.Points;
import io.jiangxin.ladder.SkillGrade;
import io.jiangxin.ladder.io.LadderConfig;
import io.jiangxin.ladder.mentoring.Mentorship;
import io.jiangxin.ladder.mentoring.ProgressEvent;
import io.jiangxin.ladder.mentoring.ProgressKind;
import io.jiangxin.ladder.posting.EvidencePoster;
import io.jiangxin.ladder.posting.MentoringPoster;
import io.jiangxin.ladder.posting.PointTables;
import io.jiangxin.ladder.posting.ResultPoster;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static io.jiangxin.ladder.Examples.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 越城工匠 scheme with worked numbers, for one worker (Y1) as of 2026-11-20:
 * <pre>
 * COMPETITION  cap 20, highest only, 3 years   raw 40  counted 12
 *   2022-10-01 省一类 2nd 18  outside the window (before 2023-11-20)
 *   2024-06-01 市一类 1st 12  counted
 *   2025-09-01 省二类 5th 10  not the highest
 * HONOUR       cap 20                          raw 25  counted 20
 *   2023-01-01 enterprise 5, 2024-05-01 city 10, 2025-05-01 city 10 → 5 of 10
 * CERTIFICATE  cap 15, highest only            raw 20  counted 12  (高级工 8, 技师 12)
 * MENTORING    cap 15                          raw 19  counted 15
 *   base 5 + 3 extra apprentices × 2 (a 4th extra earns nothing) + 技师 5 (4 of 5) + city honour 3 (over)
 * OTHER        cap 30                          raw 12  counted 12  (patent 6, proposal 3, 送技入企 2, 20 h → 1)
 * total 71
 * </pre>
 */
class YuechengPointsTest {

    private final LadderConfig config = Examples.yuecheng();
    private final PointsScheme scheme = config.scheme("yuecheng").orElseThrow();
    private final PointTables tables = config.tables("yuecheng-tables").orElseThrow();
    private final PointsCalculator calculator = new PointsCalculator();

    private PointsLedger ledger() {
        ResultPoster results = new ResultPoster();
        EvidencePoster evidence = new EvidencePoster();
        PointsLedger ledger = PointsLedger.empty();
        ledger = ledger.append(results.post(Examples.result("Y1", "E-2022", Level.PROVINCE, ContestClass.FIRST, 2, "",
                LocalDate.of(2022, 10, 1)), tables.contest(), ledger).entries());
        ledger = ledger.append(results.post(Examples.result("Y1", "E-2024", Level.CITY, ContestClass.FIRST, 1, "",
                LocalDate.of(2024, 6, 1)), tables.contest(), ledger).entries());
        ledger = ledger.append(results.post(Examples.result("Y1", "E-2025", Level.PROVINCE, ContestClass.SECOND, 5, "",
                LocalDate.of(2025, 9, 1)), tables.contest(), ledger).entries());
        ledger = post(evidence, ledger, new HonourEvidence("H3", "厂级先进", Level.ENTERPRISE), LocalDate.of(2023, 1, 1));
        ledger = post(evidence, ledger, new HonourEvidence("H1", "绍兴市技术能手", Level.CITY), LocalDate.of(2024, 5, 1));
        ledger = post(evidence, ledger, new HonourEvidence("H2", "市五一劳动奖章", Level.CITY), LocalDate.of(2025, 5, 1));
        ledger = post(evidence, ledger, new CertificateEvidence("C1", SkillGrade.SENIOR), LocalDate.of(2019, 6, 1));
        ledger = post(evidence, ledger, new CertificateEvidence("C2", SkillGrade.TECHNICIAN), LocalDate.of(2023, 6, 1));
        ledger = post(evidence, ledger, new InnovationEvidence("ZL-2024-001", "PATENT_INVENTION"), LocalDate.of(2024, 2, 1));
        ledger = post(evidence, ledger, new InnovationEvidence("JY-77", "ADOPTED_PROPOSAL"), LocalDate.of(2025, 3, 1));
        ledger = post(evidence, ledger, new TechServiceEvidence("ZQX-12", "VISIT"), LocalDate.of(2026, 4, 1));
        ledger = post(evidence, ledger, new TrainingHoursEvidence("COURSE-9", new BigDecimal("20")), LocalDate.of(2026, 6, 1));
        List<Mentorship> pairs = List.of(
                pair("M1", "A1", LocalDate.of(2021, 3, 1), new ProgressEvent("G1", ProgressKind.GRADE_REACHED,
                        LocalDate.of(2024, 7, 1), SkillGrade.TECHNICIAN, null, "技师", "CERT-A1")),
                pair("M2", "A2", LocalDate.of(2022, 3, 1), new ProgressEvent("HN1", ProgressKind.HONOUR_WON,
                        LocalDate.of(2025, 4, 1), null, Level.CITY, "绍兴市技术能手", "HON-A2")),
                pair("M3", "A3", LocalDate.of(2023, 3, 1), null),
                pair("M4", "A4", LocalDate.of(2024, 3, 1), null),
                pair("M5", "A5", LocalDate.of(2024, 9, 1), null));
        return ledger.append(new MentoringPoster().post("Y1", pairs, tables.mentoring(), TODAY, ledger).entries());
    }

    private PointsLedger post(EvidencePoster poster, PointsLedger ledger, Evidence evidence, LocalDate on) {
        return ledger.append(poster.post("Y1", evidence, on, on, tables, ledger).entries());
    }

    private static Mentorship pair(String id, String apprentice, LocalDate start, ProgressEvent event) {
        return new Mentorship(id, "Y1", apprentice, start, null, List.of(), event == null ? List.of() : List.of(event));
    }

    @Test
    void workedExampleCategoryByCategory() {
        Standing standing = calculator.standing("Y1", ledger().entries(), scheme, TODAY);

        assertThat(standing.categories()).extracting(CategoryStanding::category)
                .containsExactly("COMPETITION", "HONOUR", "CERTIFICATE", "MENTORING", "OTHER");
        assertCategory(standing, "COMPETITION", "40", "12");
        assertCategory(standing, "HONOUR", "25", "20");
        assertCategory(standing, "CERTIFICATE", "20", "12");
        assertCategory(standing, "MENTORING", "19", "15");
        assertCategory(standing, "OTHER", "12", "12");
        assertThat(standing.total()).isEqualByComparingTo("71");
        assertThat(standing.total().scale()).isEqualTo(Points.SCALE);
    }

    @Test
    void everyEntryIsExplained() {
        Standing standing = calculator.standing("Y1", ledger().entries(), scheme, TODAY);

        List<EntryVerdict> competition = standing.category("COMPETITION").orElseThrow().verdicts();
        assertThat(competition).extracting(EntryVerdict::kind)
                .containsExactly(VerdictKind.EXCLUDED, VerdictKind.COUNTED, VerdictKind.EXCLUDED);
        assertThat(competition.get(0).reason()).isEqualTo(BilingualText.of(
                "不在近 3 年内：2022-10-01 早于 2023-11-20", "outside the 3-year window: 2022-10-01 is before 2023-11-20"));
        assertThat(competition.get(1).reason().toString()).isEqualTo("计入 12 分 / 12 counted");
        assertThat(competition.get(2).reason().zh()).startsWith("仅计最高一项：已计 市一类赛项 E-2024 第 1 名 12 分");

        List<EntryVerdict> honours = standing.category("HONOUR").orElseThrow().verdicts();
        assertThat(honours.get(2).kind()).isEqualTo(VerdictKind.PARTLY_COUNTED);
        assertThat(honours.get(2).counted()).isEqualByComparingTo("5");
        assertThat(honours.get(2).reason().toString()).isEqualTo("计入 5/10 分，达到封顶 20 / 5 of 10 counted, cap 20 reached");

        List<EntryVerdict> mentoring = standing.category("MENTORING").orElseThrow().verdicts();
        assertThat(mentoring).extracting(v -> ((MentoringEvidence) v.entry().evidence()).milestone())
                .containsExactly("MENTORING", "EXTRA_APPRENTICE", "EXTRA_APPRENTICE", "EXTRA_APPRENTICE",
                        "GRADE:TECHNICIAN", "HONOUR:CITY");
        assertThat(mentoring.get(4).counted()).isEqualByComparingTo("4");
        assertThat(mentoring.get(5).reason().en()).isEqualTo("cap 15 already reached");
    }

    @Test
    void anEarlierAsOfDateSeesOnlyWhatWasKnownThen() {
        Standing early = calculator.standing("Y1", ledger().entries(), scheme, LocalDate.of(2024, 1, 1));

        // Then the 2022 省一类 result was inside its window and was the only one; mentoring was posted later.
        assertThat(early.category("COMPETITION").orElseThrow().counted()).isEqualByComparingTo("18");
        assertThat(early.category("MENTORING").orElseThrow().counted()).isEqualByComparingTo("0");
        assertThat(early.category("MENTORING").orElseThrow().verdicts().get(0).reason().en())
                .isEqualTo("recorded on 2026-11-20, after 2024-01-01");
    }

    @Test
    void theWindowStartItselfStillCounts() {
        PointsScheme threeYears = new PointsScheme("w", 1, BilingualText.of("w", "w"), List.of(
                new CategoryRule("C", BilingualText.of("c", "c"), null, false, 3)), null);
        LedgerEntry onTheEdge = entry("on-edge", "C", 7, LocalDate.of(2023, 11, 20));
        LedgerEntry dayBefore = entry("day-before", "C", 5, LocalDate.of(2023, 11, 19));

        Standing standing = calculator.standing("Y1", List.of(onTheEdge, dayBefore), threeYears, TODAY);

        assertThat(standing.total()).isEqualByComparingTo("7");
    }

    @Test
    void theTotalCapAndUnknownCategories() {
        PointsScheme capped = new PointsScheme("t", 1, BilingualText.of("t", "t"), List.of(
                new CategoryRule("A", BilingualText.of("a", "a"), null, false, null),
                new CategoryRule("B", BilingualText.of("b", "b"), null, false, null)), Points.of(50));
        List<LedgerEntry> entries = List.of(entry("a", "A", 40, TODAY), entry("b", "B", 30, TODAY), entry("z", "Z", 9, TODAY));

        Standing standing = calculator.standing("Y1", entries, capped, TODAY);

        assertThat(standing.subtotal()).isEqualByComparingTo("70");
        assertThat(standing.total()).isEqualByComparingTo("50");
        assertThat(standing.totalNote().en()).isEqualTo("total 70, capped at 50");
        assertThat(standing.uncategorised()).singleElement()
                .satisfies(v -> assertThat(v.reason().en()).isEqualTo("scheme t has no category Z"));
    }

    @Test
    void inputOrderDoesNotMatter() {
        List<LedgerEntry> entries = new java.util.ArrayList<>(ledger().entries());
        Standing expected = calculator.standing("Y1", entries, scheme, TODAY);
        java.util.Collections.reverse(entries);
        assertThat(calculator.standing("Y1", entries, scheme, TODAY)).isEqualTo(expected);
        java.util.Collections.shuffle(entries, new java.util.Random(7));
        assertThat(calculator.standing("Y1", entries, scheme, TODAY)).isEqualTo(expected);
    }

    private static LedgerEntry entry(String key, String category, int points, LocalDate on) {
        return LedgerEntry.of(key, "Y1", category, BigDecimal.valueOf(points), on, on,
                new InnovationEvidence(key, "X"), BilingualText.of(key, key));
    }

    private static void assertCategory(Standing standing, String code, String raw, String counted) {
        CategoryStanding category = standing.category(code).orElseThrow();
        assertThat(category.raw()).as(code + " raw").isEqualByComparingTo(raw);
        assertThat(category.counted()).as(code + " counted").isEqualByComparingTo(counted);
    }
}
