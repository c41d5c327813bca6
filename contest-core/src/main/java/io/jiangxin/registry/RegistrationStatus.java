package io.jiangxin.registry;

/** A withdrawn registration keeps its entry code so that codes are never reused within an event. */
public enum RegistrationStatus {
    REGISTERED("已报名"),
    WITHDRAWN("已退赛");

    private final String label;

    RegistrationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
