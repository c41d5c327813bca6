package io.jiangxin.ladder.workflow;

import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.Refusal;

/**
 * A workflow step refused. {@link #code()} is stable for clients (ILLEGAL_TRANSITION, NOTICE_OPEN,
 * NOTICE_CLOSED, OBJECTION_PENDING, UNKNOWN_OBJECTION, OUT_OF_ORDER, QUOTA_*); the server answers 409.
 */
public final class WorkflowException extends Refusal {

    public WorkflowException(String code, BilingualText reason) {
        super(code + ": " + reason, code, reason);
    }
}
