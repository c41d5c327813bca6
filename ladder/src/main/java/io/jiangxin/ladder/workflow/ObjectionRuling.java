package io.jiangxin.ladder.workflow;

/** The ruling on an objection filed during 公示. */
public enum ObjectionRuling {
    /** Not founded; the notice continues. */
    DISMISSED,
    /** Founded; the nomination goes back for review (to {@link WorkflowSettings#objectionReturnsTo()}). */
    UPHELD_RETURN,
    /** Founded; the nomination is rejected. */
    UPHELD_REJECT
}
