package io.jiangxin.service;

import io.jiangxin.engine.text.BilingualName;

/** How soon the enterprise needs help; it sets the order's due date from the day of dispatch. */
public enum Urgency implements Label {
    NORMAL("一般", "normal", 30),
    URGENT("紧急", "urgent", 7);

    private final BilingualName bilingualName;
    private final int daysToServe;

    Urgency(String zh, String en, int daysToServe) {
        this.bilingualName = new BilingualName(zh, en);
        this.daysToServe = daysToServe;
    }

    /** Days from dispatch to the service being recorded before the order counts as overdue. */
    public int daysToServe() {
        return daysToServe;
    }

    public BilingualName bilingualName() {
        return bilingualName;
    }
}
