package io.jiangxin.app.ladder;

import io.jiangxin.ladder.mentoring.Mentorship;
import io.jiangxin.ladder.points.LedgerEntry;
import io.jiangxin.ladder.proposal.PlanningRequest;
import io.jiangxin.ladder.proposal.PromotionPlanner;
import io.jiangxin.ladder.proposal.ProposalList;
import io.jiangxin.ladder.quota.QuotaLedger;
import io.jiangxin.ladder.rules.CandidateDossier;
import io.jiangxin.ladder.rules.PromotionRule;
import io.jiangxin.ladder.tier.Ladder;
import io.jiangxin.ladder.tier.LadderScope;
import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.registry.Person;
import io.jiangxin.storage.ladder.LadderStores;
import io.jiangxin.storage.ladder.MentorshipStore.MentorshipRow;
import io.jiangxin.storage.ladder.NominationStore.ClaimRow;
import io.jiangxin.storage.ladder.ResultFactStore.ResultRow;
import io.jiangxin.storage.ladder.TierHoldingStore.HoldingRow;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Explained, deterministic promotion proposals: who a ladder's rule in force considers, their dossiers as the
 * ladder module's values, and the planner's ranking with quota slots against the claims already made.
 */
public record LadderProposals(LadderStores stores, Programmes programmes, Clock clock) {

    /** Everything the rules look at for some people, read together. */
    private record DossierFacts(List<Person> people, List<HoldingRow> holdings, List<LedgerEntry> ledger,
                                List<ResultRow> results, List<MentorshipRow> mentorships) {
    }

    /** The proposals for a tier and year, each with the nomination it already has, if any. */
    public Future<JsonObject> proposals(String ladderId, String tierCode, Integer year, LocalDate asOf) {
        LocalDate day = asOf != null ? asOf : LadderCalendar.today(clock);
        int y = year != null ? year : day.getYear();
        return proposalList(stores.pool(), ladderId, tierCode, y, day, null).compose(list ->
                stores.nominations().nominations(stores.pool(), ladderId, tierCode, y, null, null).map(nominations -> {
                    Map<String, JsonObject> byPerson = new HashMap<>();
                    nominations.forEach(n -> byPerson.put(String.valueOf(n.personId()),
                            new JsonObject().put("id", n.id()).put("state", n.state())));
                    return LadderViews.proposals(list, byPerson);
                }));
    }

    /** The planner's list for the rule in force on {@code asOf}; {@code onlyThese} narrows the candidates. */
    public Future<ProposalList> proposalList(SqlClient client, String ladderId, String tierCode, int year,
                                             LocalDate asOf, Collection<Long> onlyThese) {
        return programmes.all(client).compose(all -> stores.configs().ladder(client, ladderId).compose(row -> {
            Programme p = all.stream().filter(x -> x.code().equals(row.configCode())).findFirst()
                    .orElseThrow(() -> Problem.notFound("梯队 / ladder", ladderId));
            Ladder ladder = p.ladder(ladderId);
            if (ladder.tier(tierCode).isEmpty()) {
                throw Problem.unknownReference("tier", "梯队 " + ladderId + " 没有层级 " + tierCode + " / the ladder has no tier "
                        + tierCode);
            }
            PromotionRule rule = p.config().ruleBook().inForce(ladderId, tierCode, asOf).orElseThrow(() -> new Problem(
                    ErrorCode.NO_RULE_IN_FORCE, asOf + " 没有生效的 " + ladder.tierName(tierCode) + " 晋升规则 / no promotion rule"
                    + " for " + tierCode + " is in force on " + asOf));
            Future<List<Long>> pool = onlyThese != null ? Future.succeededFuture(List.copyOf(onlyThese))
                    : candidatePool(client, ladder);
            return pool.compose(ids -> {
                Future<List<CandidateDossier>> dossiers = dossiers(client, p, all, ids);
                Future<List<ClaimRow>> claims = stores.nominations().claims(client, ladderId, tierCode, year);
                return Future.all(dossiers, claims).map(v -> {
                    QuotaLedger taken = LadderFacts.quota(ladderId, tierCode, year, rule, claims.result());
                    return new PromotionPlanner().propose(new PlanningRequest(ladder, tierCode, year, asOf,
                            p.config().ruleBook(), p.config().schemes(), dossiers.result(), taken));
                });
            });
        }));
    }

    /** Who a ladder's rules consider: an enterprise's own workers, or for higher titles every tier holder. */
    private Future<List<Long>> candidatePool(SqlClient client, Ladder ladder) {
        long organization = Long.parseLong(ladder.organizationId());
        if (ladder.scope() == LadderScope.ENTERPRISE) {
            return stores.people().peopleOfOrganization(client, organization);
        }
        Future<List<Long>> holders = stores.holdings().holdersOfAnyLadder(client);
        Future<List<Long>> workers = stores.people().peopleOfOrganization(client, organization);
        return Future.all(holders, workers).map(v -> {
            Set<Long> ids = new TreeSet<>(holders.result());
            ids.addAll(workers.result());
            return List.copyOf(ids);
        });
    }

    /** Everything the rules look at for these people, as the ladder module's values. */
    private Future<List<CandidateDossier>> dossiers(SqlClient client, Programme programme, List<Programme> all,
                                                    Collection<Long> personIds) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(personIds));
        Future<List<Person>> people = stores.people().people(client, ids);
        Future<List<HoldingRow>> holdings = stores.holdings().holdings(client, ids);
        Future<List<LedgerEntry>> ledger = stores.ledger().ledger(client, programme.code(), ids);
        Future<List<ResultRow>> results = stores.results().results(client, ids);
        Future<List<MentorshipRow>> mentorships = stores.mentorships().mentorshipsOf(client, ids);
        return Future.all(List.of(people, holdings, ledger, results, mentorships))
                .map(v -> dossiers(new DossierFacts(people.result(), holdings.result(), ledger.result(),
                        results.result(), mentorships.result()), Programme.allLadders(all)));
    }

    private static List<CandidateDossier> dossiers(DossierFacts facts, Map<String, Ladder> ladders) {
        List<Mentorship> pairs = facts.mentorships().stream().map(LadderFacts::mentorship).toList();
        List<CandidateDossier> dossiers = new ArrayList<>();
        for (Person person : facts.people()) {
            String id = String.valueOf(person.id());
            dossiers.add(new CandidateDossier(LadderFacts.person(person),
                    LadderFacts.histories(ladders, person.id(), facts.holdings()),
                    facts.ledger().stream().filter(e -> e.personId().equals(id)).toList(),
                    LadderFacts.contestResults(facts.results().stream().filter(r -> r.personId() == person.id()).toList()),
                    pairs.stream().filter(m -> m.mentorId().equals(id) || m.apprenticeId().equals(id)).toList()));
        }
        return dossiers;
    }
}
