package io.jiangxin.ladder.proposal;

import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.points.PointsScheme;
import io.jiangxin.ladder.quota.QuotaCheck;
import io.jiangxin.ladder.quota.QuotaClaim;
import io.jiangxin.ladder.quota.QuotaLedger;
import io.jiangxin.ladder.rules.CandidateDossier;
import io.jiangxin.ladder.rules.CheckStatus;
import io.jiangxin.ladder.rules.Eligibility;
import io.jiangxin.ladder.rules.PromotionRule;
import io.jiangxin.ladder.rules.RequirementCheck;
import io.jiangxin.ladder.rules.Route;
import io.jiangxin.ladder.rules.RuleEvaluator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Proposes candidates for one tier in one year. Entry point for the server:
 * {@link #propose(PlanningRequest)}. Pure and deterministic: the same request gives the same list in the
 * same order whatever order the dossiers (or the entries inside them) come in.
 *
 * <p>Every dossier is evaluated against the rule version in force on the as-of date; eligible candidates are
 * ranked by {@link CandidateRanking} and take quota slots in that order from what is left after
 * {@link PlanningRequest#alreadyTaken()}; a candidate who would exceed the year, trade or organization quota
 * is waitlisted with the reason and takes no slot, so a later candidate of another trade may still fit.
 */
public final class PromotionPlanner {

    private final RuleEvaluator evaluator = new RuleEvaluator();

    public ProposalList propose(PlanningRequest request) {
        PromotionRule rule = request.rules().inForce(request.ladder().ladderId(), request.targetTier(), request.asOf())
                .orElseThrow(() -> new IllegalArgumentException("没有在 " + request.asOf() + " 生效的 "
                        + request.targetTier() + " 晋升规则 / no rule for " + request.targetTier() + " in force on " + request.asOf()));
        PointsScheme scheme = rule.schemeId() == null ? null : request.schemes().stream()
                .filter(s -> s.schemeId().equals(rule.schemeId())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown points scheme " + rule.schemeId()));
        Set<String> seen = new HashSet<>();
        Map<String, CandidateDossier> byPerson = new HashMap<>();
        List<CandidateRanking.Ranked> eligible = new ArrayList<>();
        List<CandidateRanking.Ranked> ineligible = new ArrayList<>();
        for (CandidateDossier dossier : request.dossiers()) {
            if (!seen.add(dossier.personId())) {
                throw new IllegalArgumentException("two dossiers for " + dossier.personId());
            }
            byPerson.put(dossier.personId(), dossier);
            Eligibility eligibility = evaluator.evaluate(rule, request.ladder(), scheme, dossier, request.year(), request.asOf());
            (eligibility.eligible() ? eligible : ineligible).add(new CandidateRanking.Ranked(dossier.personId(), eligibility));
        }
        eligible.sort(CandidateRanking.ORDER);
        ineligible.sort(Comparator.comparing(CandidateRanking.Ranked::personId));

        QuotaLedger quota = request.alreadyTaken() != null ? request.alreadyTaken()
                : QuotaLedger.empty(request.ladder().ladderId(), request.targetTier(), request.year(), rule.quota());
        quota = new QuotaLedger(quota.ladderId(), quota.tierCode(), quota.year(), rule.quota(), quota.claims());
        String tierName = request.ladder().tierName(request.targetTier());
        List<Proposal> proposed = new ArrayList<>();
        List<Proposal> waitlisted = new ArrayList<>();
        for (CandidateRanking.Ranked ranked : eligible) {
            CandidateDossier dossier = byPerson.get(ranked.personId());
            var person = dossier.person();
            QuotaCheck check = quota.check(person.personId(), person.trade(), person.organizationId());
            if (check.allowed()) {
                quota = quota.claim(new QuotaClaim(person.personId(), person.trade(), person.organizationId(), null));
                proposed.add(new Proposal(0, person.personId(), person.name(), person.trade(), person.organizationId(),
                        ProposalStatus.PROPOSED, ranked.eligibility(), check.slot(),
                        proposedSummary(tierName, ranked.eligibility(), check.reason())));
            } else {
                waitlisted.add(new Proposal(0, person.personId(), person.name(), person.trade(), person.organizationId(),
                        ProposalStatus.WAITLISTED, ranked.eligibility(), null, BilingualText.of(
                        "候补：" + check.reason().zh(), "waitlisted: " + check.reason().en())));
            }
        }
        List<Proposal> all = new ArrayList<>(proposed);
        all.addAll(waitlisted);
        for (CandidateRanking.Ranked ranked : ineligible) {
            var person = byPerson.get(ranked.personId()).person();
            List<BilingualText> reasons = ranked.eligibility().failures().stream().map(RequirementCheck::reason).toList();
            all.add(new Proposal(0, person.personId(), person.name(), person.trade(), person.organizationId(),
                    ProposalStatus.NOT_ELIGIBLE, ranked.eligibility(), null, BilingualText.of(
                    "不符合：" + BilingualText.join(reasons).zh(), "not eligible: " + BilingualText.join(reasons).en())));
        }
        List<Proposal> numbered = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Proposal p = all.get(i);
            numbered.add(new Proposal(i + 1, p.personId(), p.name(), p.trade(), p.organizationId(), p.status(),
                    p.eligibility(), p.slot(), p.summary()));
        }
        return new ProposalList(request.ladder().ladderId(), request.targetTier(), tierName, request.year(),
                request.asOf(), rule.reference(), numbered);
    }

    private static BilingualText proposedSummary(String tierName, Eligibility eligibility, BilingualText slot) {
        List<BilingualText> parts = new ArrayList<>();
        // The rule's reference ("weichai-craftsman v1") stays in the eligibility for the record; a reader is told
        // the tier by name and whether it is a direct qualification.
        parts.add(BilingualText.of("建议晋升 " + tierName + (eligibility.route() == Route.SHORTCUT ? "（直通）" : ""),
                "proposed for " + tierName + (eligibility.route() == Route.SHORTCUT ? " (direct qualification)" : "")));
        eligibility.checks().stream().filter(c -> c.status() == CheckStatus.PASSED)
                .map(RequirementCheck::reason).forEach(parts::add);
        parts.add(BilingualText.of("名额：" + slot.zh(), "slot: " + slot.en()));
        return BilingualText.join(parts);
    }
}
