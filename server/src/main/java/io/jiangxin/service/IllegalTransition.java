package io.jiangxin.service;

/** An action that the need's or order's current state, or the actor's role, does not allow. */
public final class IllegalTransition extends RuntimeException {

    private final boolean wrongRole;

    IllegalTransition(String message, boolean wrongRole) {
        super(message, null, false, false);
        this.wrongRole = wrongRole;
    }

    /** True when the state would allow it but this role may not do it (a 403 rather than a 409). */
    public boolean wrongRole() {
        return wrongRole;
    }
}
