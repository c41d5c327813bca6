package io.jiangxin.ladder.workflow;

import java.util.List;
import java.util.Optional;

/**
 * One person's nomination for one tier in one year, with its full record: every decision in order, the
 * current public notice window (if one was opened) and every objection. Immutable; the workflow returns a
 * new value per step, which the server stores as an appended decision.
 */
public record Nomination(String nominationId, String personId, String trade, String organizationId, String ladderId,
                         String tierCode, int year, String ruleReference, NominationState state,
                         List<Decision> decisions, NoticeWindow notice, List<Objection> objections) {

    public Nomination {
        decisions = List.copyOf(decisions);
        objections = List.copyOf(objections);
    }

    public Optional<Objection> objection(String objectionId) {
        return objections.stream().filter(o -> o.objectionId().equals(objectionId)).findFirst();
    }

    public boolean hasPendingObjection() {
        return objections.stream().anyMatch(Objection::pending);
    }

    Nomination with(NominationState next, Decision decision, NoticeWindow window, List<Objection> nextObjections) {
        List<Decision> all = new java.util.ArrayList<>(decisions);
        all.add(decision);
        return new Nomination(nominationId, personId, trade, organizationId, ladderId, tierCode, year, ruleReference,
                next, all, window, nextObjections);
    }
}
