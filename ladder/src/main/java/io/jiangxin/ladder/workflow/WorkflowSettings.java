package io.jiangxin.ladder.workflow;

/**
 * How an organization runs its reviews: the length of the public notice in calendar days, whether a site
 * visit (实地考察) comes between expert review and notice, and where an upheld objection sends a nomination.
 */
public record WorkflowSettings(int noticeDays, boolean siteVisit, NominationState objectionReturnsTo) {

    public static final WorkflowSettings DEFAULT = new WorkflowSettings(7, false, NominationState.EXPERT_REVIEW);

    public WorkflowSettings {
        if (noticeDays < 1) {
            throw new IllegalArgumentException("a public notice lasts at least one day");
        }
        objectionReturnsTo = objectionReturnsTo == null ? NominationState.EXPERT_REVIEW : objectionReturnsTo;
        if (objectionReturnsTo != NominationState.FIRST_REVIEW && objectionReturnsTo != NominationState.EXPERT_REVIEW
                && objectionReturnsTo != NominationState.SITE_VISIT) {
            throw new IllegalArgumentException("an upheld objection returns to a review stage, not " + objectionReturnsTo);
        }
        if (objectionReturnsTo == NominationState.SITE_VISIT && !siteVisit) {
            throw new IllegalArgumentException("objections cannot return to a site visit that is not configured");
        }
    }
}
