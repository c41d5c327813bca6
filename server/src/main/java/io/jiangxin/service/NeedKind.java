package io.jiangxin.service;

import io.jiangxin.engine.text.BilingualName;

/** What an enterprise asks for: Yantai's 六行 (seed 001). */
public enum NeedKind implements Label {
    IDEOLOGY("思想引领", "ideological guidance"),
    TECHNICAL_SUPPORT("技术支持", "technical support"),
    SKILL_UPGRADE("技能提升", "skill upgrading"),
    INNOVATION("创新攻关", "innovation breakthrough"),
    SAFETY("安全生产", "production safety"),
    MANAGEMENT("管理服务", "management service");

    private final BilingualName bilingualName;

    NeedKind(String zh, String en) {
        this.bilingualName = new BilingualName(zh, en);
    }

    public BilingualName bilingualName() {
        return bilingualName;
    }
}
