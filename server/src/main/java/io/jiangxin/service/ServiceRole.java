package io.jiangxin.service;

/** Who acts on the platform: the enterprise's contact, the union's staff, the dispatched craftsman. */
public enum ServiceRole implements Label {
    ENTERPRISE("企业", "enterprise"),
    STAFF("工会", "union staff"),
    CRAFTSMAN("工匠", "craftsman");

    private final String zh;
    private final String en;

    ServiceRole(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    @Override
    public String zh() {
        return zh;
    }

    @Override
    public String en() {
        return en;
    }
}
