package io.jiangxin.ladder;

/**
 * The class of a provincial or city contest (一类 / 二类); the class decides what placing earns.
 * {@link #NONE} is for contests that have no class (enterprise, county, national).
 */
public enum ContestClass {
    FIRST("一类", "class I"),
    SECOND("二类", "class II"),
    NONE("", "");

    private final String zh;
    private final String en;

    ContestClass(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** "省一类" / "provincial class I"; "国家级" / "national" when there is no class. */
    public static BilingualText describe(Level level, ContestClass contestClass) {
        if (contestClass == null || contestClass == NONE) {
            return BilingualText.of(level.zh(), level.en());
        }
        String prefix = switch (level) {
            case ENTERPRISE -> "企业";
            case COUNTY -> "县";
            case CITY -> "市";
            case PROVINCE -> "省";
            case NATIONAL -> "国家";
        };
        return BilingualText.of(prefix + contestClass.zh(), level.en() + " " + contestClass.en());
    }
}
