package io.jiangxin.engine.text;

/**
 * A value that people see under its zh-CN and English names (states, kinds, levels, refusals). Enums cannot share
 * fields, so each keeps one {@link BilingualName} and this answers {@link #zh()} and {@link #en()} from it.
 */
public interface Bilingual {

    BilingualName bilingualName();

    default String zh() {
        return bilingualName().zh();
    }

    default String en() {
        return bilingualName().en();
    }
}
