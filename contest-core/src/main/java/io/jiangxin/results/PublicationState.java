package io.jiangxin.results;

import io.jiangxin.engine.text.Bilingual;
import io.jiangxin.engine.text.BilingualName;

/** Where an event's results stand with the public: not published, in the notice period (公示), or final. */
public enum PublicationState implements Bilingual {
    UNPUBLISHED("未公布", "not published"),
    NOTICE("公示中", "public notice"),
    FINAL("已公布（最终）", "final");

    private final BilingualName bilingualName;

    PublicationState(String zh, String en) {
        this.bilingualName = new BilingualName(zh, en);
    }

    public BilingualName bilingualName() {
        return bilingualName;
    }
}
