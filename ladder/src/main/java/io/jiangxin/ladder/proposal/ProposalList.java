package io.jiangxin.ladder.proposal;

import java.time.LocalDate;
import java.util.List;

/**
 * The planner's answer: proposed candidates in ranking order, then waitlisted in ranking order, then those
 * not eligible by person id.
 */
public record ProposalList(String ladderId, String targetTier, String tierName, int year, LocalDate asOf,
                           String ruleReference, List<Proposal> proposals) {

    public ProposalList {
        proposals = List.copyOf(proposals);
    }

    public List<Proposal> withStatus(ProposalStatus status) {
        return proposals.stream().filter(p -> p.status() == status).toList();
    }
}
