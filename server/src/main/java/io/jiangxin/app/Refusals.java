package io.jiangxin.app;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;

/** The 403 and 409 answers of judging, each with its reason in zh-CN and English. */
final class Refusals {

    private Refusals() {
    }

    static Problem notOnPanel() {
        return new Problem(ErrorCode.NOT_ON_PANEL, "您不在该赛项的裁判组中 / you are not on this event's panel");
    }

    static Problem notHeadJudge() {
        return new Problem(ErrorCode.NOT_HEAD_JUDGE, "只有该赛项的裁判长可以这样做 / only this event's head judge may do this");
    }

    static Problem wrongRole(String needed) {
        return new Problem(ErrorCode.ROLE_NOT_ALLOWED, "当前角色无权执行此操作，需要 " + needed
                + " / your role may not do this; it needs " + needed);
    }

    static Problem recusedSameOrganization() {
        return new Problem(ErrorCode.RECUSED,
                "您与该选手同单位，须回避 / you share an organization with this entry and are recused");
    }

    static Problem recusedDeclared(String reason) {
        return new Problem(ErrorCode.RECUSED, "您已声明回避该选手：" + reason + " / you are recused from this entry: " + reason);
    }

    static Problem locked() {
        return new Problem(ErrorCode.SHEET_LOCKED, "评分表已锁定，不能再改 / the sheet is locked; marks can no longer change");
    }

    static Problem signedOff() {
        return new Problem(ErrorCode.EVENT_SIGNED_OFF,
                "赛项已签字确认，成绩只能通过申诉更改 / the event is signed off; results change only through an appeal");
    }

    static Problem withdrawn() {
        return new Problem(ErrorCode.ENTRY_WITHDRAWN, "该选手已退赛 / the entry has withdrawn");
    }
}
