package io.jiangxin.auth;

/** A judge's role on one event's panel. */
public enum PanelRole {
    JUDGE("裁判"),
    HEAD_JUDGE("裁判长");

    private final String label;

    PanelRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
