package io.jiangxin.service;

/** A value with its zh-CN and English names, for screens and exports (no internal code on a user's screen). */
public interface Label {

    String zh();

    String en();

    default String label() {
        return zh() + " / " + en();
    }
}
