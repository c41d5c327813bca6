package io.jiangxin.ladder;

import io.jiangxin.engine.text.Bilingual;
import io.jiangxin.engine.text.BilingualName;

/** The level a contest or honour is held at, lowest first (企业 → 县/区 → 市 → 省 → 国家). */
public enum Level implements Bilingual {
    ENTERPRISE("企业级", "enterprise"),
    COUNTY("县区级", "county"),
    CITY("市级", "city"),
    PROVINCE("省级", "provincial"),
    NATIONAL("国家级", "national");

    private final BilingualName bilingualName;

    Level(String zh, String en) {
        this.bilingualName = new BilingualName(zh, en);
    }

    public BilingualName bilingualName() {
        return bilingualName;
    }
}
