package io.jiangxin.ladder.workflow;

import io.jiangxin.ladder.BilingualText;

import java.time.LocalDateTime;

/** One recorded step of a nomination: the action, the states before and after, who, when, why, and what the system noted. */
public record Decision(WorkflowAction action, NominationState from, NominationState to, String by, LocalDateTime at,
                       String why, BilingualText note) {
}
