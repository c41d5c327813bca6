package io.jiangxin.registry;

/** 竞赛类型. */
public enum ContestKind {
    /** 技能比武. */
    SKILLS("技能比武"),
    /** 创新创效. */
    INNOVATION("创新创效"),
    /** 培训考核: feeds training records and the ladder, never a public leaderboard. */
    TRAINING("培训考核");

    private final String label;

    ContestKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
