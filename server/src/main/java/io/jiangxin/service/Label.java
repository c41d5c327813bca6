package io.jiangxin.service;

import io.jiangxin.engine.text.Bilingual;

/** A value with its zh-CN and English names, for screens and exports (no internal code on a user's screen). */
public interface Label extends Bilingual {

    default String label() {
        return zh() + " / " + en();
    }
}
