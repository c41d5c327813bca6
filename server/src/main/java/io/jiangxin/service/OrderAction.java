package io.jiangxin.service;

import io.jiangxin.engine.text.BilingualName;

import java.util.EnumSet;
import java.util.Set;

/**
 * What can be done to an order, by whom, from which states, to which state. A reopened order goes back to ACCEPTED
 * for the craftsman to record again; its confirmed points, if any, are reversed and a later confirmation posts
 * them under the order's next revision.
 */
public enum OrderAction implements Label {
    TAKE("接单", "accept", EnumSet.of(OrderState.OFFERED), OrderState.ACCEPTED, ServiceRole.CRAFTSMAN, false),
    DECLINE("拒单", "decline", EnumSet.of(OrderState.OFFERED), OrderState.DECLINED, ServiceRole.CRAFTSMAN, true),
    SCHEDULE("排期", "schedule", EnumSet.of(OrderState.ACCEPTED, OrderState.SCHEDULED), OrderState.SCHEDULED,
            ServiceRole.CRAFTSMAN, false),
    RECORD("记录服务", "record the service", EnumSet.of(OrderState.ACCEPTED, OrderState.SCHEDULED),
            OrderState.RECORDED, ServiceRole.CRAFTSMAN, false),
    CONFIRM("确认并评价", "confirm and rate", EnumSet.of(OrderState.RECORDED), OrderState.CONFIRMED,
            ServiceRole.ENTERPRISE, false),
    REOPEN("重新打开", "reopen", EnumSet.of(OrderState.RECORDED, OrderState.CONFIRMED), OrderState.ACCEPTED,
            ServiceRole.STAFF, true),
    ANNUL("作废", "annul", EnumSet.of(OrderState.OFFERED, OrderState.ACCEPTED, OrderState.SCHEDULED,
            OrderState.RECORDED, OrderState.CONFIRMED), OrderState.ANNULLED, ServiceRole.STAFF, true);

    private final BilingualName bilingualName;
    private final Set<OrderState> from;
    private final OrderState to;
    private final ServiceRole role;
    private final boolean needsReason;

    OrderAction(String zh, String en, Set<OrderState> from, OrderState to, ServiceRole role, boolean needsReason) {
        this.bilingualName = new BilingualName(zh, en);
        this.from = from;
        this.to = to;
        this.role = role;
        this.needsReason = needsReason;
    }

    /** The state after this action, or {@link IllegalTransition}. */
    public OrderState apply(OrderState current, ServiceRole actor) {
        if (actor != role) {
            throw new IllegalTransition(actor.zh() + "不能" + zh() + "，须由" + role.zh() + "操作 / " + actor.en()
                    + " may not " + en() + "; only " + role.en() + " may", true);
        }
        if (!from.contains(current)) {
            throw IllegalTransition.notFrom("工单", "an order", current, this);
        }
        return to;
    }

    /** Whether leaving {@code current} by this action withdraws points a confirmation posted. */
    public boolean withdrawsPoints(OrderState current) {
        return current == OrderState.CONFIRMED && (this == REOPEN || this == ANNUL);
    }

    public boolean needsReason() {
        return needsReason;
    }

    public ServiceRole role() {
        return role;
    }

    public BilingualName bilingualName() {
        return bilingualName;
    }
}
