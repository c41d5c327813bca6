package io.jiangxin.registry;

/** 竞赛类别 of a city or provincial contest. */
public enum ContestClass {
    FIRST("一类"),
    SECOND("二类");

    private final String label;

    ContestClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
