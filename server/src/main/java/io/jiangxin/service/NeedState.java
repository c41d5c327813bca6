package io.jiangxin.service;

import io.jiangxin.engine.text.BilingualName;

/** Where a need stands: review by the union, then its current order's progress. */
public enum NeedState implements Label {
    SUBMITTED("待审核", "awaiting review"),
    RETURNED("已退回", "returned"),
    REJECTED("未通过", "rejected"),
    ACCEPTED("待派单", "awaiting dispatch"),
    DISPATCHED("已派单", "dispatched"),
    IN_SERVICE("服务中", "in service"),
    COMPLETED("已完成", "completed"),
    ANNULLED("已作废", "annulled");

    private final BilingualName bilingualName;

    NeedState(String zh, String en) {
        this.bilingualName = new BilingualName(zh, en);
    }

    /** The need's state once its current order has reached {@code order}. */
    public static NeedState following(OrderState order) {
        return switch (order) {
            case OFFERED -> DISPATCHED;
            case ACCEPTED, SCHEDULED, RECORDED -> IN_SERVICE;
            case CONFIRMED -> COMPLETED;
            // a declined order puts the need back in the dispatch pool
            case DECLINED -> ACCEPTED;
            case ANNULLED -> ANNULLED;
        };
    }

    public BilingualName bilingualName() {
        return bilingualName;
    }
}
