package io.jiangxin.ladder.proposal;

import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.quota.QuotaSlot;
import io.jiangxin.ladder.rules.Eligibility;

/**
 * One candidate in a proposal list with the full explanation: the rule version and route, every check
 * (reason and evidence references), the quota slot they would take ({@code null} unless PROPOSED), and a
 * one-paragraph zh/en summary for the organizer's screen.
 *
 * @param position 1-based position in the list; PROPOSED and WAITLISTED positions follow the ranking
 */
public record Proposal(int position, String personId, String name, String trade, String organizationId,
                       ProposalStatus status, Eligibility eligibility, QuotaSlot slot, BilingualText summary) {
}
