package io.jiangxin.registry;

/** 竞赛级别, from the enterprise up to the nation. */
public enum ContestLevel {
    ENTERPRISE("企业级"),
    COUNTY("县区级"),
    CITY("市级"),
    PROVINCE("省级"),
    NATIONAL("国家级");

    private final String label;

    ContestLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Only city and provincial contests are classed 一类 / 二类; the class decides what placing earns. */
    public boolean isClassed() {
        return this == CITY || this == PROVINCE;
    }
}
