package io.jiangxin.ladder.proposal;

import io.jiangxin.ladder.ContestClass;
import io.jiangxin.ladder.Examples;
import io.jiangxin.ladder.Level;
import io.jiangxin.ladder.Person;
import io.jiangxin.ladder.io.LadderConfig;
import io.jiangxin.ladder.points.LedgerEntry;
import io.jiangxin.ladder.points.PointsLedger;
import io.jiangxin.ladder.points.TrainingHoursEvidence;
import io.jiangxin.ladder.posting.ContestResult;
import io.jiangxin.ladder.posting.EvidencePoster;
import io.jiangxin.ladder.posting.PointTables;
import io.jiangxin.ladder.posting.ResultPoster;
import io.jiangxin.ladder.rules.CandidateDossier;
import io.jiangxin.ladder.rules.CheckStatus;
import io.jiangxin.ladder.rules.RequirementCheck;
import io.jiangxin.ladder.rules.RequirementType;
import io.jiangxin.ladder.rules.Route;
import io.jiangxin.ladder.tier.Ladder;
import io.jiangxin.ladder.tier.StepPolicy;
import io.jiangxin.ladder.tier.TierHistory;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.jiangxin.ladder.Examples.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/** wf-craftsman v1: a 省级一等奖 (award FIRST_PRIZE) within 3 years qualifies directly and may skip 种子工匠. */
class DirectQualificationTest {

    private final LadderConfig config = Examples.weifang();
    private final Ladder ladder = config.ladder("wf-enterprise").orElseThrow();
    private final PointTables tables = config.tables("wf-enterprise-tables").orElseThrow();
    private final PromotionPlanner planner = new PromotionPlanner();

    private CandidateDossier dossier(Person person, TierHistory history, List<ContestResult> results, int trainingHours) {
        PointsLedger ledger = PointsLedger.empty();
        for (ContestResult result : results) {
            ledger = ledger.append(new ResultPoster().post(result, tables.contest(), ledger).entries());
        }
        if (trainingHours > 0) {
            ledger = ledger.append(new EvidencePoster().post(person.personId(), new TrainingHoursEvidence("C-" + person.personId(),
                    BigDecimal.valueOf(trainingHours)), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1), tables, ledger).entries());
        }
        List<LedgerEntry> entries = ledger.entries();
        return new CandidateDossier(person, history == null ? List.of() : List.of(history), entries, results, List.of());
    }

    private ProposalList propose(List<CandidateDossier> dossiers) {
        return planner.propose(new PlanningRequest(ladder, "CRAFTSMAN", 2026, TODAY, config.ruleBook(), config.schemes(),
                dossiers, null));
    }

    @Test
    void aProvincialFirstPrizeQualifiesDirectlyWithoutTierOrPoints() {
        Person newcomer = Examples.person("D1", "焊工", "ORG-A", LocalDate.of(1995, 1, 1));
        ContestResult firstPrize = new ContestResult("D1", "E-SD-2026", "山东省焊工大赛", "焊工", Level.PROVINCE,
                ContestClass.SECOND, 2, "FIRST_PRIZE", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 3), 0);

        Proposal proposal = propose(List.of(dossier(newcomer, null, List.of(firstPrize), 0))).proposals().get(0);

        assertThat(proposal.status()).isEqualTo(ProposalStatus.PROPOSED);
        assertThat(proposal.eligibility().route()).isEqualTo(Route.SHORTCUT);
        assertThat(proposal.eligibility().shortcut().shortcutId()).isEqualTo("province-first-prize");
        assertThat(proposal.eligibility().checks()).extracting(RequirementCheck::type, RequirementCheck::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(RequirementType.QUALIFYING_RESULTS, CheckStatus.PASSED),
                org.assertj.core.groups.Tuple.tuple(RequirementType.STEP, CheckStatus.PASSED),
                org.assertj.core.groups.Tuple.tuple(RequirementType.MIN_POINTS, CheckStatus.WAIVED),
                org.assertj.core.groups.Tuple.tuple(RequirementType.TIER_HELD, CheckStatus.WAIVED),
                org.assertj.core.groups.Tuple.tuple(RequirementType.QUALIFYING_RESULTS, CheckStatus.PASSED));
        assertThat(proposal.eligibility().checks().get(2).reason().zh())
                .isEqualTo("积分（近 3 年） 24 < 50（省级一等奖直通 直通免除）");
        assertThat(proposal.eligibility().evidence()).contains("result:E-SD-2026/D1");
        assertThat(proposal.summary().zh()).contains("直通").contains("无 → 工匠").contains("名额：2026 年度名额 1/10，焊工 1/3");
    }

    @Test
    void withoutTheAwardTheSameCandidateFailsWithReasons() {
        Person newcomer = Examples.person("D2", "焊工", "ORG-A", LocalDate.of(1995, 1, 1));
        ContestResult secondPrize = new ContestResult("D2", "E-SD-2026", "山东省焊工大赛", "焊工", Level.PROVINCE,
                ContestClass.SECOND, 2, "SECOND_PRIZE", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 3), 0);

        Proposal proposal = propose(List.of(dossier(newcomer, null, List.of(secondPrize), 0))).proposals().get(0);

        assertThat(proposal.status()).isEqualTo(ProposalStatus.NOT_ELIGIBLE);
        assertThat(proposal.eligibility().failures()).extracting(RequirementCheck::type)
                .containsExactly(RequirementType.STEP, RequirementType.MIN_POINTS, RequirementType.TIER_HELD);
        assertThat(proposal.summary().toString()).contains("须逐级晋升：当前 无，目标 工匠")
                .contains("积分（近 3 年） 24 < 50").contains("未持有 种子工匠")
                .contains("not eligible: promotions move up one step");
    }

    @Test
    void aDirectQualifierRanksAheadOfARequirementsQualifierWithMorePoints() {
        Person seed = Examples.person("D0", "焊工", "ORG-A", LocalDate.of(1990, 1, 1));
        TierHistory seedSince2023 = TierHistory.empty(ladder, "D0").promote("SEED", LocalDate.of(2023, 1, 1), StepPolicy.ONE_STEP, "N");
        List<ContestResult> strong = new ArrayList<>(List.of(
                new ContestResult("D0", "E-C1", "市赛", "焊工", Level.CITY, ContestClass.FIRST, 2, "", LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 2), 0),
                new ContestResult("D0", "E-P2", "省赛", "焊工", Level.PROVINCE, ContestClass.SECOND, 5, "", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 2), 0)));
        Person winner = Examples.person("D9", "焊工", "ORG-B", LocalDate.of(1995, 1, 1));
        ContestResult firstPrize = new ContestResult("D9", "E-SD-2026", "山东省焊工大赛", "焊工", Level.PROVINCE,
                ContestClass.SECOND, 1, "FIRST_PRIZE", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 3), 0);

        ProposalList list = propose(List.of(dossier(seed, seedSince2023, strong, 80), dossier(winner, null, List.of(firstPrize), 0)));

        assertThat(list.proposals()).extracting(Proposal::personId, Proposal::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("D9", ProposalStatus.PROPOSED),
                org.assertj.core.groups.Tuple.tuple("D0", ProposalStatus.PROPOSED));
        Proposal byRequirements = list.proposals().get(1);
        assertThat(byRequirements.eligibility().route()).isEqualTo(Route.REQUIREMENTS);
        assertThat(byRequirements.eligibility().points()).isEqualByComparingTo("50");
        assertThat(byRequirements.summary().zh()).isEqualTo("建议晋升 工匠；种子工匠 → 工匠；"
                + "积分（近 3 年） 50 ≥ 50；任 种子工匠 3 年 ≥ 2 年（自 2023-01-01）；"
                + "符合条件的成绩：市一类 市赛 第 2 名（2025-06-01），省二类 省赛 第 5 名（2026-04-01）；"
                + "名额：2026 年度名额 2/10，焊工 2/3");
        assertThat(byRequirements.eligibility().evidence()).contains(
                "ledger:contest_result/D0/E-C1/rev-0", "ledger:training_hours/D0/C-D0", "tier:wf-enterprise/SEED",
                "result:E-C1/D0");
        // qualifying date: the latest dated evidence among the passing checks (the 2026-04-01 result and points)
        assertThat(byRequirements.eligibility().qualifyingDate()).isEqualTo(LocalDate.of(2026, 4, 1));
    }

    @Test
    void aShortcutDoesNotWaiveTheAgeLimit() {
        LadderConfig dezhou = Examples.dezhou();
        Ladder chief = dezhou.ladder("dz-chief-technician").orElseThrow();
        Person older = Examples.person("Z1", "电工", "ORG-A", LocalDate.of(1970, 1, 1));
        ContestResult firstPrize = new ContestResult("Z1", "E-SD", "省赛", "电工", Level.PROVINCE, ContestClass.FIRST,
                1, "FIRST_PRIZE", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 3), 0);

        ProposalList list = planner.propose(new PlanningRequest(chief, "CHIEF_TECHNICIAN", 2026, TODAY, dezhou.ruleBook(),
                List.of(), List.of(new CandidateDossier(older, List.of(), List.of(), List.of(firstPrize), List.of())), null));

        assertThat(list.proposals().get(0).status()).isEqualTo(ProposalStatus.NOT_ELIGIBLE);
        assertThat(list.proposals().get(0).summary().toString()).contains("年龄 56 > 55（2026-11-20）").contains("age 56 > 55 (on 2026-11-20)");
    }
}
