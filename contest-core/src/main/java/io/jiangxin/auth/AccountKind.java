package io.jiangxin.auth;

/** Who an account acts as. Head judge is not a kind: it is a judge's role on one event's panel. */
public enum AccountKind {
    /** 组委会: creates contests, imports, assigns panels, publishes. */
    ORGANIZER,
    /** 裁判 / 评委, and 裁判长 on events where the panel says so. */
    JUDGE,
    /** 监督仲裁组: decides appeals. */
    ARBITER,
    /** 选手 / 职工: a worker tied to one person and no contest; reads their own ladder page and nothing else. */
    COMPETITOR,
    /** 企业联系人: publishes its own enterprise's needs on a service platform and confirms services; nothing else. */
    ENTERPRISE,
    /** 工会工作人员: runs one union's service platform (review, dispatch, resource list, dashboard); nothing else. */
    UNION_STAFF
}
