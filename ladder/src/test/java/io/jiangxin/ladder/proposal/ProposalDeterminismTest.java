package io.jiangxin.ladder.proposal;

import io.jiangxin.ladder.ContestClass;
import io.jiangxin.ladder.Examples;
import io.jiangxin.ladder.Level;
import io.jiangxin.ladder.Person;
import io.jiangxin.ladder.io.LadderConfig;
import io.jiangxin.ladder.points.InnovationEvidence;
import io.jiangxin.ladder.points.LedgerEntry;
import io.jiangxin.ladder.points.PointsLedger;
import io.jiangxin.ladder.points.TrainingHoursEvidence;
import io.jiangxin.ladder.posting.ContestResult;
import io.jiangxin.ladder.posting.EvidencePoster;
import io.jiangxin.ladder.posting.PointTables;
import io.jiangxin.ladder.posting.ResultPoster;
import io.jiangxin.ladder.rules.CandidateDossier;
import io.jiangxin.ladder.tier.Ladder;
import io.jiangxin.ladder.tier.StepPolicy;
import io.jiangxin.ladder.tier.TierHistory;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static io.jiangxin.ladder.Examples.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: for random candidate pools (wf-craftsman, quota 10 a year and 3 per trade), shuffling the
 * dossiers and every list inside them never changes the proposals, their explanations or their order.
 */
class ProposalDeterminismTest {

    private static final List<String> TRADES = List.of("焊工", "电工", "钳工");

    private final LadderConfig config = Examples.weifang();
    private final Ladder ladder = config.ladder("wf-enterprise").orElseThrow();
    private final PointTables tables = config.tables("wf-enterprise-tables").orElseThrow();
    private final PromotionPlanner planner = new PromotionPlanner();

    @Test
    void shufflingTheInputsNeverChangesTheProposals() {
        for (int pool = 0; pool < 12; pool++) {
            Random random = new Random(1000 + pool);
            List<CandidateDossier> dossiers = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                dossiers.add(randomDossier(random, i));
            }
            ProposalList expected = propose(dossiers);
            assertRankingOrder(expected);

            for (int shuffle = 0; shuffle < 15; shuffle++) {
                List<CandidateDossier> shuffled = new ArrayList<>();
                for (CandidateDossier d : dossiers) {
                    shuffled.add(new CandidateDossier(d.person(), shuffledCopy(d.tierHistories(), random),
                            shuffledCopy(d.ledger(), random), shuffledCopy(d.results(), random),
                            shuffledCopy(d.mentorships(), random)));
                }
                Collections.shuffle(shuffled, random);
                assertThat(propose(shuffled)).as("pool " + pool + " shuffle " + shuffle).isEqualTo(expected);
            }
        }
    }

    @Test
    void poolsProduceEveryOutcomeSoThePropertyIsNotVacuous() {
        List<ProposalStatus> seen = new ArrayList<>();
        for (int pool = 0; pool < 12; pool++) {
            Random random = new Random(1000 + pool);
            List<CandidateDossier> dossiers = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                dossiers.add(randomDossier(random, i));
            }
            propose(dossiers).proposals().forEach(p -> seen.add(p.status()));
        }
        assertThat(seen).contains(ProposalStatus.PROPOSED, ProposalStatus.WAITLISTED, ProposalStatus.NOT_ELIGIBLE);
    }

    /** Proposed and waitlisted follow the documented ranking; each proposal's position matches its index. */
    private static void assertRankingOrder(ProposalList list) {
        for (int i = 0; i < list.proposals().size(); i++) {
            assertThat(list.proposals().get(i).position()).isEqualTo(i + 1);
        }
        List<Proposal> proposed = list.withStatus(ProposalStatus.PROPOSED);
        for (int i = 1; i < proposed.size(); i++) {
            Proposal before = proposed.get(i - 1);
            Proposal after = proposed.get(i);
            boolean shortcutFirst = before.eligibility().route().ordinal() <= after.eligibility().route().ordinal();
            assertThat(shortcutFirst).isTrue();
            if (before.eligibility().route() == after.eligibility().route()) {
                int byPoints = before.eligibility().points().compareTo(after.eligibility().points());
                assertThat(byPoints).isGreaterThanOrEqualTo(0);
                if (byPoints == 0 && before.eligibility().qualifyingDate().equals(after.eligibility().qualifyingDate())) {
                    assertThat(before.personId()).isLessThan(after.personId());
                }
            }
        }
        List<Proposal> ineligible = list.withStatus(ProposalStatus.NOT_ELIGIBLE);
        for (int i = 1; i < ineligible.size(); i++) {
            assertThat(ineligible.get(i - 1).personId()).isLessThan(ineligible.get(i).personId());
        }
    }

    private ProposalList propose(List<CandidateDossier> dossiers) {
        return planner.propose(new PlanningRequest(ladder, "CRAFTSMAN", 2026, TODAY, config.ruleBook(), config.schemes(),
                dossiers, null));
    }

    private static <T> List<T> shuffledCopy(List<T> list, Random random) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }

    private CandidateDossier randomDossier(Random random, int i) {
        String id = String.format("R%02d", i);
        Person person = new Person(id, "工人" + i, LocalDate.of(1975 + random.nextInt(30), 1 + random.nextInt(12), 1),
                TRADES.get(random.nextInt(TRADES.size())), "ORG-" + random.nextInt(4));
        List<TierHistory> tiers = new ArrayList<>();
        if (random.nextInt(5) > 0) {
            // Ties on purpose: seed craftsmen since one of only two dates.
            tiers.add(TierHistory.empty(ladder, id).promote("SEED", LocalDate.of(2022 + random.nextInt(2), 1, 1),
                    StepPolicy.ONE_STEP, "N-" + id));
        }
        List<ContestResult> results = new ArrayList<>();
        int contests = random.nextInt(4);
        for (int c = 0; c < contests; c++) {
            Level level = List.of(Level.CITY, Level.CITY, Level.PROVINCE, Level.COUNTY).get(random.nextInt(4));
            ContestClass contestClass = level == Level.COUNTY ? ContestClass.NONE
                    : random.nextBoolean() ? ContestClass.FIRST : ContestClass.SECOND;
            LocalDate held = LocalDate.of(2024 + random.nextInt(3), 1 + random.nextInt(10), 1);
            String award = level == Level.PROVINCE && random.nextInt(6) == 0 ? "FIRST_PRIZE" : "";
            results.add(new ContestResult(id, "E" + c + "-" + id, "赛项" + c, person.trade(), level, contestClass,
                    1 + random.nextInt(8), award, held, held.plusDays(2), 0));
            if (random.nextInt(4) == 0) {
                // an appeal ruling: a second revision of the same result
                results.add(new ContestResult(id, "E" + c + "-" + id, "赛项" + c, person.trade(), level, contestClass,
                        1 + random.nextInt(8), award, held, held.plusDays(9), 1));
            }
        }
        PointsLedger ledger = PointsLedger.empty();
        ResultPoster resultPoster = new ResultPoster();
        for (ContestResult result : results) {
            ledger = ledger.append(resultPoster.post(result, tables.contest(), ledger).entries());
        }
        EvidencePoster evidencePoster = new EvidencePoster();
        if (random.nextBoolean()) {
            LocalDate on = LocalDate.of(2025, 1 + random.nextInt(12), 1);
            ledger = ledger.append(evidencePoster.post(id, new TrainingHoursEvidence("T-" + id,
                    BigDecimal.valueOf(8L * random.nextInt(25))), on, on, tables, ledger).entries());
        }
        if (random.nextBoolean()) {
            LocalDate on = LocalDate.of(2024 + random.nextInt(3), 6, 1);
            ledger = ledger.append(evidencePoster.post(id, new InnovationEvidence("ZL-" + id, "PATENT_UTILITY"), on, on,
                    tables, ledger).entries());
        }
        List<LedgerEntry> entries = ledger.entries();
        return new CandidateDossier(person, tiers, entries, results, List.of());
    }
}
