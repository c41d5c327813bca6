package io.jiangxin.ladder.workflow;

import io.jiangxin.ladder.BilingualText;

/**
 * A workflow step refused. {@link #code()} is stable for clients (ILLEGAL_TRANSITION, NOTICE_OPEN,
 * NOTICE_CLOSED, OBJECTION_PENDING, UNKNOWN_OBJECTION, OUT_OF_ORDER, QUOTA_*); the server answers 409.
 */
public final class WorkflowException extends RuntimeException {

    private final String code;
    private final BilingualText reason;

    public WorkflowException(String code, BilingualText reason) {
        super(code + ": " + reason);
        this.code = code;
        this.reason = reason;
    }

    public String code() {
        return code;
    }

    public BilingualText reason() {
        return reason;
    }
}
