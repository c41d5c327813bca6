package io.jiangxin.registry;

/** 职业技能等级, lowest first: a promotion of one grade moves to the next constant. */
public enum SkillGrade {
    JUNIOR_WORKER("初级工"),
    INTERMEDIATE_WORKER("中级工"),
    SENIOR_WORKER("高级工"),
    TECHNICIAN("技师"),
    SENIOR_TECHNICIAN("高级技师");

    private final String label;

    SkillGrade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
