package io.jiangxin.ladder.quota;

import io.jiangxin.ladder.ContestClass;
import io.jiangxin.ladder.Examples;
import io.jiangxin.ladder.Level;
import io.jiangxin.ladder.Person;
import io.jiangxin.ladder.io.LadderConfig;
import io.jiangxin.ladder.posting.ContestResult;
import io.jiangxin.ladder.proposal.PlanningRequest;
import io.jiangxin.ladder.proposal.PromotionPlanner;
import io.jiangxin.ladder.proposal.Proposal;
import io.jiangxin.ladder.proposal.ProposalList;
import io.jiangxin.ladder.proposal.ProposalStatus;
import io.jiangxin.ladder.rules.CandidateDossier;
import io.jiangxin.ladder.tier.Ladder;
import io.jiangxin.ladder.workflow.DecisionInput;
import io.jiangxin.ladder.workflow.Nomination;
import io.jiangxin.ladder.workflow.NominationWorkflow;
import io.jiangxin.ladder.workflow.WorkflowAction;
import io.jiangxin.ladder.workflow.WorkflowException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static io.jiangxin.ladder.Examples.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 德州首席技师: at most 20 a year and 4 per trade. */
class DezhouQuotaTest {

    private static final List<String> TRADES = List.of("电工", "车工", "钳工", "数控铣工", "工业机器人系统操作", "服装制版");

    private final LadderConfig config = Examples.dezhou();
    private final Ladder ladder = config.ladder("dz-chief-technician").orElseThrow();
    private final QuotaPolicy policy = new QuotaPolicy(20, 4, null);

    /** Candidate n qualified on 2025-01-01 + n days, so the ranking is by n (no points scheme: all have 0). */
    private static CandidateDossier qualified(int n, String trade) {
        String id = String.format("C%02d", n);
        Person person = new Person(id, "候选人" + n, LocalDate.of(1980, 1, 1), trade, "ORG-" + (n % 3));
        LocalDate day = LocalDate.of(2025, 1, 1).plusDays(n);
        ContestResult result = new ContestResult(id, "E-" + n, "省赛" + n, trade, Level.PROVINCE, ContestClass.FIRST,
                1 + n % 8, "", day, day.plusDays(2), 0);
        return new CandidateDossier(person, List.of(), List.of(), List.of(result), List.of());
    }

    private ProposalList propose(List<CandidateDossier> dossiers, QuotaLedger taken) {
        return new PromotionPlanner().propose(new PlanningRequest(ladder, "CHIEF_TECHNICIAN", 2026, TODAY,
                config.ruleBook(), List.of(), dossiers, taken));
    }

    @Test
    void theTwentyFirstQualifiedCandidateIsWaitlisted() {
        List<CandidateDossier> dossiers = new ArrayList<>();
        for (int n = 1; n <= 21; n++) {
            dossiers.add(qualified(n, TRADES.get(n % TRADES.size())));
        }

        ProposalList list = propose(dossiers, null);

        assertThat(list.withStatus(ProposalStatus.PROPOSED)).hasSize(20);
        Proposal last = list.withStatus(ProposalStatus.PROPOSED).get(19);
        assertThat(last.personId()).isEqualTo("C20");
        assertThat(last.slot().label().zh()).startsWith("2026 年度名额 20/20，");
        Proposal twentyFirst = list.withStatus(ProposalStatus.WAITLISTED).get(0);
        assertThat(twentyFirst.personId()).isEqualTo("C21");
        assertThat(twentyFirst.position()).isEqualTo(21);
        assertThat(twentyFirst.slot()).isNull();
        assertThat(twentyFirst.summary().toString())
                .isEqualTo("候补：2026 年度名额已满（20/20） / waitlisted: the 2026 quota is full (20 of 20)");
    }

    @Test
    void theFifthWelderIsWaitlistedWhileALaterCandidateOfAnotherTradeFits() {
        List<CandidateDossier> dossiers = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            dossiers.add(qualified(n, "焊工"));
        }
        dossiers.add(qualified(6, "电工"));

        ProposalList list = propose(dossiers, null);

        assertThat(list.proposals()).extracting(Proposal::personId, Proposal::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("C01", ProposalStatus.PROPOSED),
                org.assertj.core.groups.Tuple.tuple("C02", ProposalStatus.PROPOSED),
                org.assertj.core.groups.Tuple.tuple("C03", ProposalStatus.PROPOSED),
                org.assertj.core.groups.Tuple.tuple("C04", ProposalStatus.PROPOSED),
                org.assertj.core.groups.Tuple.tuple("C06", ProposalStatus.PROPOSED),
                org.assertj.core.groups.Tuple.tuple("C05", ProposalStatus.WAITLISTED));
        assertThat(list.proposals().get(3).slot().label().toString())
                .isEqualTo("2026 年度名额 4/20，焊工 4/4 / 2026 quota slot 4 of 20, 焊工 4 of 4");
        assertThat(list.proposals().get(5).summary().toString())
                .isEqualTo("候补：2026 年度 焊工 工种名额已满（4/4） / waitlisted: the 2026 quota for 焊工 is full (4 of 4)");
    }

    @Test
    void slotsAlreadyTakenThisYearCountAgainstTheProposals() {
        QuotaLedger taken = QuotaLedger.empty("dz-chief-technician", "CHIEF_TECHNICIAN", 2026, policy);
        for (int n = 0; n < 19; n++) {
            taken = taken.claim(new QuotaClaim("NAMED-" + n, "钳工" + n, "ORG", "N-" + n));
        }

        ProposalList list = propose(List.of(qualified(1, "电工"), qualified(2, "车工")), taken);

        assertThat(list.withStatus(ProposalStatus.PROPOSED)).extracting(Proposal::personId).containsExactly("C01");
        assertThat(list.withStatus(ProposalStatus.PROPOSED).get(0).slot().yearSlot()).isEqualTo(20);
        assertThat(list.withStatus(ProposalStatus.WAITLISTED)).extracting(Proposal::personId).containsExactly("C02");
    }

    @Test
    void approvingBeyondTheQuotaIsRefusedWithTheReason() {
        QuotaLedger full = QuotaLedger.empty("dz-chief-technician", "CHIEF_TECHNICIAN", 2026, policy);
        for (int n = 1; n <= 20; n++) {
            full = full.claim(new QuotaClaim("P" + n, TRADES.get(n % TRADES.size()), "ORG", "N-" + n));
        }
        QuotaLedger fullLedger = full;

        assertThatThrownBy(() -> fullLedger.claim(new QuotaClaim("P21", "焊工", "ORG", "N-21")))
                .isInstanceOfSatisfying(QuotaRefusedException.class, e -> {
                    assertThat(e.code()).isEqualTo("QUOTA_YEAR_FULL");
                    assertThat(e.reason().toString()).isEqualTo("2026 年度名额已满（20/20） / the 2026 quota is full (20 of 20)");
                });
        // Retrying an approval already made is not a second claim.
        assertThat(fullLedger.claim(new QuotaClaim("P5", TRADES.get(5), "ORG", "N-5"))).isSameAs(fullLedger);

        QuotaLedger welders = QuotaLedger.empty("dz-chief-technician", "CHIEF_TECHNICIAN", 2026, policy);
        for (int n = 1; n <= 4; n++) {
            welders = welders.claim(new QuotaClaim("W" + n, "焊工", "ORG", "N-" + n));
        }
        QuotaLedger fourWelders = welders;
        assertThatThrownBy(() -> fourWelders.claim(new QuotaClaim("W5", "焊工", "ORG", "N-5")))
                .isInstanceOfSatisfying(QuotaRefusedException.class, e -> assertThat(e.code()).isEqualTo("QUOTA_TRADE_FULL"));
    }

    @Test
    void namingTheLastSlotTwiceSucceedsOnceAndTheSecondGetsTheReason() {
        QuotaLedger ledger = QuotaLedger.empty("dz-chief-technician", "CHIEF_TECHNICIAN", 2026, policy);
        for (int n = 1; n <= 19; n++) {
            ledger = ledger.claim(new QuotaClaim("P" + n, TRADES.get(n % TRADES.size()), "ORG", "N-" + n));
        }
        NominationWorkflow workflow = new NominationWorkflow(config.workflow());
        Nomination a = throughNotice(workflow, "N-A", "PA", "焊工");
        Nomination b = throughNotice(workflow, "N-B", "PB", "电工");
        DecisionInput naming = new DecisionInput("organizer-1", LocalDateTime.of(2026, 11, 1, 9, 0), "通过公示");

        // Both organizers read the same 19-claim ledger; the server serialises the two claims.
        var first = workflow.name(a, naming, ledger);
        assertThat(first.quota().claims()).hasSize(20);
        QuotaLedger afterFirst = first.quota();
        assertThatThrownBy(() -> workflow.name(b, naming, afterFirst))
                .isInstanceOfSatisfying(WorkflowException.class, e -> {
                    assertThat(e.code()).isEqualTo("QUOTA_YEAR_FULL");
                    assertThat(e.reason().toString()).isEqualTo(
                            "不能命名：2026 年度名额已满（20/20） / cannot name: the 2026 quota is full (20 of 20)");
                });
        assertThat(first.nomination().decisions().get(first.nomination().decisions().size() - 1).note().zh())
                .isEqualTo("命名，占用2026 年度名额 20/20，焊工 1/4");
    }

    private static Nomination throughNotice(NominationWorkflow workflow, String id, String person, String trade) {
        LocalDateTime t = LocalDateTime.of(2026, 10, 1, 9, 0);
        Nomination n = workflow.nominate(id, person, trade, "ORG-X", "dz-chief-technician", "CHIEF_TECHNICIAN", 2026,
                "dz-chief-technician v1", new DecisionInput("union", t, "推荐"));
        n = workflow.apply(n, WorkflowAction.SUBMIT_FOR_FIRST_REVIEW, new DecisionInput("union", t.plusDays(1), ""));
        n = workflow.apply(n, WorkflowAction.PASS_FIRST_REVIEW, new DecisionInput("reviewer", t.plusDays(2), "材料齐全"));
        return workflow.apply(n, WorkflowAction.PASS_EXPERT_REVIEW, new DecisionInput("panel", t.plusDays(3), "评议通过"));
    }
}
