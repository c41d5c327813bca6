package io.jiangxin.ladder;

/** National vocational skill grades, lowest first; "reached 技师" means this grade or above. */
public enum SkillGrade {
    JUNIOR("初级工", "junior worker"),
    INTERMEDIATE("中级工", "intermediate worker"),
    SENIOR("高级工", "senior worker"),
    TECHNICIAN("技师", "technician"),
    SENIOR_TECHNICIAN("高级技师", "senior technician");

    private final String zh;
    private final String en;

    SkillGrade(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    public boolean atLeast(SkillGrade other) {
        return compareTo(other) >= 0;
    }
}
