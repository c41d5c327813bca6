package io.jiangxin.service;

import io.jiangxin.engine.text.BilingualName;

import java.util.Set;

/** What can be done to a need before and at dispatch, by whom, from which states, to which state. */
public enum NeedAction implements Label {
    ACCEPT("审核通过", "accept", Set.of(NeedState.SUBMITTED), NeedState.ACCEPTED, Set.of(ServiceRole.STAFF), false),
    RETURN("退回修改", "return", Set.of(NeedState.SUBMITTED), NeedState.RETURNED, Set.of(ServiceRole.STAFF), true),
    REJECT("不予受理", "reject", Set.of(NeedState.SUBMITTED), NeedState.REJECTED, Set.of(ServiceRole.STAFF), true),
    RESUBMIT("重新提交", "resubmit", Set.of(NeedState.RETURNED), NeedState.SUBMITTED,
            Set.of(ServiceRole.ENTERPRISE, ServiceRole.STAFF), false),
    DISPATCH("派单", "dispatch", Set.of(NeedState.ACCEPTED), NeedState.DISPATCHED, Set.of(ServiceRole.STAFF), false);

    private final BilingualName bilingualName;
    private final Set<NeedState> from;
    private final NeedState to;
    private final Set<ServiceRole> roles;
    private final boolean needsReason;

    NeedAction(String zh, String en, Set<NeedState> from, NeedState to, Set<ServiceRole> roles, boolean needsReason) {
        this.bilingualName = new BilingualName(zh, en);
        this.from = from;
        this.to = to;
        this.roles = roles;
        this.needsReason = needsReason;
    }

    /** The state after this action, or {@link IllegalTransition} naming the state and what is allowed from it. */
    public NeedState apply(NeedState current, ServiceRole role) {
        if (!from.contains(current)) {
            throw IllegalTransition.notFrom("需求", "a need", current, this);
        }
        if (!roles.contains(role)) {
            throw new IllegalTransition(role.zh() + "不能" + zh() + " / " + role.en() + " may not " + en(), true);
        }
        return to;
    }

    public boolean needsReason() {
        return needsReason;
    }

    public NeedState to() {
        return to;
    }

    public BilingualName bilingualName() {
        return bilingualName;
    }
}
