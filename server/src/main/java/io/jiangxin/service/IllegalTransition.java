package io.jiangxin.service;

/** An action that the need's or order's current state, or the actor's role, does not allow. */
public final class IllegalTransition extends RuntimeException {

    private final boolean wrongRole;

    IllegalTransition(String message, boolean wrongRole) {
        super(message, null, false, false);
        this.wrongRole = wrongRole;
    }

    /**
     * The current state does not allow the action, e.g. "需求当前为「已退回」，不能派单 / a need that is returned cannot be
     * given 'dispatch'".
     */
    static IllegalTransition notFrom(String subjectZh, String subjectEn, Label current, Label action) {
        return new IllegalTransition(subjectZh + "当前为「" + current.zh() + "」，不能" + action.zh() + " / " + subjectEn
                + " that is " + current.en() + " cannot be given '" + action.en() + "'", false);
    }

    /** True when the state would allow it but this role may not do it (a 403 rather than a 409). */
    public boolean wrongRole() {
        return wrongRole;
    }
}
