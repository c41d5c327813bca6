package io.jiangxin.ladder;

import io.jiangxin.engine.text.Bilingual;
import io.jiangxin.engine.text.BilingualName;

/** National vocational skill grades, lowest first; "reached 技师" means this grade or above. */
public enum SkillGrade implements Bilingual {
    JUNIOR("初级工", "junior worker"),
    INTERMEDIATE("中级工", "intermediate worker"),
    SENIOR("高级工", "senior worker"),
    TECHNICIAN("技师", "technician"),
    SENIOR_TECHNICIAN("高级技师", "senior technician");

    private final BilingualName bilingualName;

    SkillGrade(String zh, String en) {
        this.bilingualName = new BilingualName(zh, en);
    }

    public BilingualName bilingualName() {
        return bilingualName;
    }

    public boolean atLeast(SkillGrade other) {
        return compareTo(other) >= 0;
    }
}
