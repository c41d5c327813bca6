package io.jiangxin.ladder;

/** The level a contest or honour is held at, lowest first (企业 → 县/区 → 市 → 省 → 国家). */
public enum Level {
    ENTERPRISE("企业级", "enterprise"),
    COUNTY("县区级", "county"),
    CITY("市级", "city"),
    PROVINCE("省级", "provincial"),
    NATIONAL("国家级", "national");

    private final String zh;
    private final String en;

    Level(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
