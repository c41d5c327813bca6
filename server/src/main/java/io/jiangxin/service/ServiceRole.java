package io.jiangxin.service;

import io.jiangxin.engine.text.BilingualName;

/** Who acts on the platform: the enterprise's contact, the union's staff, the dispatched craftsman. */
public enum ServiceRole implements Label {
    ENTERPRISE("企业", "enterprise"),
    STAFF("工会", "union staff"),
    CRAFTSMAN("工匠", "craftsman");

    private final BilingualName bilingualName;

    ServiceRole(String zh, String en) {
        this.bilingualName = new BilingualName(zh, en);
    }

    public BilingualName bilingualName() {
        return bilingualName;
    }
}
