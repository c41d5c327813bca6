package io.jiangxin.ladder.rules;

import io.jiangxin.ladder.ContestClass;
import io.jiangxin.ladder.Examples;
import io.jiangxin.ladder.Level;
import io.jiangxin.ladder.Person;
import io.jiangxin.ladder.SkillGrade;
import io.jiangxin.ladder.io.LadderConfig;
import io.jiangxin.ladder.mentoring.Mentorship;
import io.jiangxin.ladder.mentoring.ProgressEvent;
import io.jiangxin.ladder.mentoring.ProgressKind;
import io.jiangxin.ladder.posting.ContestResult;
import io.jiangxin.ladder.tier.Ladder;
import io.jiangxin.ladder.tier.StepPolicy;
import io.jiangxin.ladder.tier.TierHistory;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.jiangxin.ladder.Examples.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

class RequirementChecksTest {

    private final LadderConfig weifang = Examples.weifang();
    private final Ladder enterprise = weifang.ladder("wf-enterprise").orElseThrow();
    private final EvaluationContext context = new EvaluationContext(enterprise, "CHIEF", 2026, TODAY, null);

    private static CandidateDossier dossier(Person person, List<TierHistory> tiers, List<ContestResult> results,
                                            List<Mentorship> mentorships) {
        return new CandidateDossier(person, tiers, List.of(), results, mentorships);
    }

    @Test
    void theAgeLimitCountsCompletedYearsOnTheReferenceDay() {
        AgeLimit dezhou = new AgeLimit(null, 55, AgeReference.AS_OF);
        Person fiftyFiveToday = new Person("A", "甲", LocalDate.of(1971, 11, 20), "电工", "O");
        Person fiftySixToday = new Person("B", "乙", LocalDate.of(1970, 11, 20), "电工", "O");
        Person unknown = new Person("C", "丙", null, "电工", "O");

        assertThat(dezhou.check(dossier(fiftyFiveToday, List.of(), List.of(), List.of()), context).reason().toString())
                .isEqualTo("年龄 55 ≤ 55（2026-11-20） / age 55 ≤ 55 (on 2026-11-20)");
        assertThat(dezhou.check(dossier(fiftySixToday, List.of(), List.of(), List.of()), context).passed()).isFalse();
        assertThat(dezhou.check(dossier(unknown, List.of(), List.of(), List.of()), context).reason().en())
                .isEqualTo("birth date missing, age cannot be checked");
        // Measured at the end of the planning year instead, the first person is 55 and the second 56.
        AgeLimit yearEnd = new AgeLimit(null, 55, AgeReference.YEAR_END);
        assertThat(yearEnd.check(dossier(fiftyFiveToday, List.of(), List.of(), List.of()), context).passed()).isTrue();
    }

    @Test
    void theTradeLimit() {
        TradeLimit welding = new TradeLimit(List.of("焊工", "数控车工"));

        assertThat(welding.check(dossier(Examples.person("A", "焊工", "O", null), List.of(), List.of(), List.of()), context).passed()).isTrue();
        assertThat(welding.check(dossier(Examples.person("B", "电工", "O", null), List.of(), List.of(), List.of()), context)
                .reason().toString()).isEqualTo("工种 电工 不在 焊工、数控车工 之列 / trade 电工 is not one of 焊工, 数控车工");
    }

    @Test
    void tenureIsMeasuredOnTheTierBelowUnlessOtherTiersAreNamed() {
        Person person = Examples.person("P", "焊工", "O", null);
        TierHistory craftsmanSince2024 = TierHistory.empty(enterprise, "P")
                .promote("SEED", LocalDate.of(2020, 1, 1), StepPolicy.ONE_STEP, "a")
                .promote("CRAFTSMAN", LocalDate.of(2024, 1, 1), StepPolicy.ONE_STEP, "b");
        CandidateDossier d = dossier(person, List.of(craftsmanSince2024), List.of(), List.of());

        RequirementCheck three = new TierHeld(List.of(), 3).check(d, context);
        assertThat(three.passed()).isFalse();
        assertThat(three.reason().zh()).isEqualTo("任 工匠 2 年 < 3 年");
        RequirementCheck two = new TierHeld(List.of(), 2).check(d, context);
        assertThat(two.passed()).isTrue();
        assertThat(two.metOn()).isEqualTo(LocalDate.of(2026, 1, 1));

        // 潍坊工匠 draws from either enterprise's top tier.
        Ladder qz = weifang.ladder("qz-cigarette").orElseThrow();
        TierHistory yijia = TierHistory.empty(qz, "P").promote("SEED", LocalDate.of(2019, 1, 1), StepPolicy.ONE_STEP, "a")
                .promote("QINGYAN", LocalDate.of(2021, 1, 1), StepPolicy.ONE_STEP, "b")
                .promote("YIJIA", LocalDate.of(2023, 1, 1), StepPolicy.ONE_STEP, "c");
        TierHeld cityRule = (TierHeld) weifang.ruleBook().inForce("wf-city", "WEIFANG_CRAFTSMAN", TODAY).orElseThrow()
                .requirements().get(0);
        EvaluationContext city = new EvaluationContext(weifang.ladder("wf-city").orElseThrow(), "WEIFANG_CRAFTSMAN", 2026, TODAY, null);
        RequirementCheck fromQingzhou = cityRule.check(dossier(person, List.of(yijia), List.of(), List.of()), city);
        assertThat(fromQingzhou.passed()).isTrue();
        assertThat(fromQingzhou.evidence()).containsExactly("tier:qz-cigarette/YIJIA");
    }

    @Test
    void qualifyingResultsUseTheLatestRevisionAndTheWindow() {
        Person person = Examples.person("P", "焊工", "O", null);
        QualifyingResults cityFirstTop3 = new QualifyingResults(1, 3, List.of(new ResultBand(Level.CITY, ContestClass.FIRST, 3, null)));
        ContestResult third = new ContestResult("P", "E1", "市赛", "焊工", Level.CITY, ContestClass.FIRST, 3, "",
                LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 2), 0);
        ContestResult appealedToFourth = new ContestResult("P", "E1", "市赛", "焊工", Level.CITY, ContestClass.FIRST, 4, "",
                LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 9), 1);
        ContestResult tooOld = new ContestResult("P", "E0", "市赛", "焊工", Level.CITY, ContestClass.FIRST, 1, "",
                LocalDate.of(2023, 5, 1), LocalDate.of(2023, 5, 2), 0);

        assertThat(cityFirstTop3.check(dossier(person, List.of(), List.of(third), List.of()), context).passed()).isTrue();
        RequirementCheck afterAppeal = cityFirstTop3.check(dossier(person, List.of(), List.of(third, appealedToFourth, tooOld),
                List.of()), context);
        assertThat(afterAppeal.passed()).isFalse();
        assertThat(afterAppeal.reason().toString())
                .isEqualTo("近 3 年符合条件的成绩 0 项 < 1（市一类前 3 名） / 0 qualifying results in the last 3 years < 1 (city class I top 3)");
    }

    @Test
    void apprenticesCertifiedCountsDistinctApprenticesAtOrAboveTheGrade() {
        Person mentor = Examples.person("T", "焊工", "O", null);
        List<Mentorship> pairs = List.of(
                new Mentorship("M1", "T", "A1", LocalDate.of(2020, 1, 1), null, List.of(), List.of(
                        new ProgressEvent("e1", ProgressKind.GRADE_REACHED, LocalDate.of(2023, 1, 1), SkillGrade.TECHNICIAN, null, "", "c1"))),
                new Mentorship("M2", "T", "A2", LocalDate.of(2020, 1, 1), null, List.of(), List.of(
                        new ProgressEvent("e2", ProgressKind.GRADE_REACHED, LocalDate.of(2025, 3, 1), SkillGrade.SENIOR_TECHNICIAN, null, "", "c2"))),
                new Mentorship("M3", "T", "A3", LocalDate.of(2020, 1, 1), null, List.of(), List.of(
                        new ProgressEvent("e3", ProgressKind.GRADE_REACHED, LocalDate.of(2024, 1, 1), SkillGrade.SENIOR, null, "", "c3"))),
                // someone else's apprentice does not count
                new Mentorship("M4", "OTHER", "A4", LocalDate.of(2020, 1, 1), null, List.of(), List.of(
                        new ProgressEvent("e4", ProgressKind.GRADE_REACHED, LocalDate.of(2024, 1, 1), SkillGrade.TECHNICIAN, null, "", "c4"))));

        RequirementCheck two = new ApprenticesCertified(2, SkillGrade.TECHNICIAN).check(dossier(mentor, List.of(), List.of(), pairs), context);
        assertThat(two.passed()).isTrue();
        assertThat(two.evidence()).containsExactly("mentorship:M1", "mentorship:M2");
        assertThat(two.metOn()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(new ApprenticesCertified(3, SkillGrade.TECHNICIAN).check(dossier(mentor, List.of(), List.of(), pairs), context)
                .reason().toString()).isEqualTo("徒弟达到技师 2 人 < 3 人 / 2 apprentices reached technician < 3");
    }
}
