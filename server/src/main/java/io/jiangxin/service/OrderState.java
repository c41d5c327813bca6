package io.jiangxin.service;

import io.jiangxin.engine.text.BilingualName;

/** Where an order (工单) stands. DECLINED and ANNULLED are final; CONFIRMED is final unless the union reopens it. */
public enum OrderState implements Label {
    OFFERED("待接单", "awaiting the craftsman"),
    ACCEPTED("已接单", "accepted"),
    SCHEDULED("已排期", "scheduled"),
    RECORDED("待企业确认", "awaiting the enterprise's confirmation"),
    CONFIRMED("已确认", "confirmed"),
    DECLINED("已拒单", "declined"),
    ANNULLED("已作废", "annulled");

    private final BilingualName bilingualName;

    OrderState(String zh, String en) {
        this.bilingualName = new BilingualName(zh, en);
    }

    /** Still owed: dispatched but not yet recorded, so it can become overdue. */
    public boolean awaitingService() {
        return this == OFFERED || this == ACCEPTED || this == SCHEDULED;
    }

    public BilingualName bilingualName() {
        return bilingualName;
    }
}
