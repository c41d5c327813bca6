package io.jiangxin.service;

import io.jiangxin.engine.text.BilingualName;

/** How a service is delivered (seed 000). */
public enum ServiceMode implements Label {
    ONSITE_ONE_TO_ONE("一对一现场指导", "one-to-one on-site guidance"),
    TRAINING_ONE_TO_MANY("一对多培训指导", "one-to-many training"),
    PAIRING("点对点结对服务", "point-to-point pairing"),
    INVITED_TASKFORCE("请进来专项攻关", "invited task force");

    private final BilingualName bilingualName;

    ServiceMode(String zh, String en) {
        this.bilingualName = new BilingualName(zh, en);
    }

    public BilingualName bilingualName() {
        return bilingualName;
    }
}
