package io.jiangxin.results;

/** Where an event's results stand with the public: not published, in the notice period (公示), or final. */
public enum PublicationState {
    UNPUBLISHED("未公布", "not published"),
    NOTICE("公示中", "public notice"),
    FINAL("已公布（最终）", "final");

    private final String labelZh;
    private final String labelEn;

    PublicationState(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }
}
