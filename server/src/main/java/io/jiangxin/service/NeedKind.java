package io.jiangxin.service;

/** What an enterprise asks for: Yantai's 六行 (seed 001). */
public enum NeedKind implements Label {
    IDEOLOGY("思想引领", "ideological guidance"),
    TECHNICAL_SUPPORT("技术支持", "technical support"),
    SKILL_UPGRADE("技能提升", "skill upgrading"),
    INNOVATION("创新攻关", "innovation breakthrough"),
    SAFETY("安全生产", "production safety"),
    MANAGEMENT("管理服务", "management service");

    private final String zh;
    private final String en;

    NeedKind(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    @Override
    public String zh() {
        return zh;
    }

    @Override
    public String en() {
        return en;
    }
}
