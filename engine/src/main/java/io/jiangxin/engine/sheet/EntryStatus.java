package io.jiangxin.engine.sheet;

/** The standing of an entry after violations. */
public enum EntryStatus {
    OK,
    /** A violation zeroed the whole score; the entry is still ranked, with 0. */
    ZEROED,
    /** 取消竞赛资格: not ranked, no award, does not advance. */
    DISQUALIFIED
}
