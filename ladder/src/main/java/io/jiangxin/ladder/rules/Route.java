package io.jiangxin.ladder.rules;

/** How a candidate qualified. */
public enum Route {
    /** Through a direct-qualification shortcut. */
    SHORTCUT,
    /** By meeting every requirement. */
    REQUIREMENTS,
    /** Not at all. */
    NONE
}
