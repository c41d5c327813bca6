package io.jiangxin.ladder.workflow;

import io.jiangxin.engine.text.Bilingual;
import io.jiangxin.engine.text.BilingualName;

/** The stages of a nomination. NAMED, REJECTED and WITHDRAWN are final. */
public enum NominationState implements Bilingual {
    NOMINATED("推荐", "nominated"),
    FIRST_REVIEW("初审", "first review"),
    EXPERT_REVIEW("专家评议", "expert review"),
    SITE_VISIT("实地考察", "site visit"),
    PUBLIC_NOTICE("公示", "public notice"),
    NAMED("命名", "named"),
    REJECTED("未通过", "rejected"),
    WITHDRAWN("撤回", "withdrawn");

    private final BilingualName bilingualName;

    NominationState(String zh, String en) {
        this.bilingualName = new BilingualName(zh, en);
    }

    public BilingualName bilingualName() {
        return bilingualName;
    }

    public boolean isFinal() {
        return this == NAMED || this == REJECTED || this == WITHDRAWN;
    }
}
