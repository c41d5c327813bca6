package io.jiangxin.ladder.workflow;

/**
 * What a decision does. Actions name the stage they conclude, so a stale screen that sends
 * PASS_FIRST_REVIEW for a nomination already in expert review is refused rather than advancing it twice.
 */
public enum WorkflowAction {
    NOMINATE, SUBMIT_FOR_FIRST_REVIEW, PASS_FIRST_REVIEW, PASS_EXPERT_REVIEW, PASS_SITE_VISIT, NAME, REJECT, WITHDRAW,
    FILE_OBJECTION, RULE_ON_OBJECTION
}
