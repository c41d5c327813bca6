package io.jiangxin.ladder;

import io.jiangxin.engine.text.Bilingual;
import io.jiangxin.engine.text.BilingualName;

/**
 * The class of a provincial or city contest (一类 / 二类); the class decides what placing earns.
 * {@link #NONE} is for contests that have no class (enterprise, county, national).
 */
public enum ContestClass implements Bilingual {
    FIRST("一类", "class I"),
    SECOND("二类", "class II"),
    NONE("", "");

    private final BilingualName bilingualName;

    ContestClass(String zh, String en) {
        this.bilingualName = new BilingualName(zh, en);
    }

    public BilingualName bilingualName() {
        return bilingualName;
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
