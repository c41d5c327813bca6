package io.jiangxin.ladder.workflow;

import io.jiangxin.ladder.Examples;
import io.jiangxin.ladder.quota.QuotaLedger;
import io.jiangxin.ladder.quota.QuotaPolicy;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Weifang settings: 7-day notice, a site visit, upheld objections return to expert review. */
class NominationWorkflowTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 9, 1, 9, 0);

    private final NominationWorkflow workflow = new NominationWorkflow(Examples.weifang().workflow());
    private final QuotaLedger quota = QuotaLedger.empty("wf-enterprise", "CRAFTSMAN", 2026, new QuotaPolicy(10, 3, null));

    private static DecisionInput at(String by, LocalDateTime when, String why) {
        return new DecisionInput(by, when, why);
    }

    private Nomination nominated() {
        return workflow.nominate("N-1", "P7", "焊工", "ORG-A", "wf-enterprise", "CRAFTSMAN", 2026, "wf-craftsman v1",
                at("union-staff", T0, "系统建议，车间推荐"));
    }

    private Nomination inNotice() {
        Nomination n = workflow.apply(nominated(), WorkflowAction.SUBMIT_FOR_FIRST_REVIEW, at("union-staff", T0.plusDays(1), ""));
        n = workflow.apply(n, WorkflowAction.PASS_FIRST_REVIEW, at("reviewer", T0.plusDays(2), "材料齐全"));
        n = workflow.apply(n, WorkflowAction.PASS_EXPERT_REVIEW, at("panel", T0.plusDays(5), "评议 5 票全票通过"));
        return workflow.apply(n, WorkflowAction.PASS_SITE_VISIT, at("panel", T0.plusDays(8), "现场操作考核合格"));
    }

    @Test
    void theWholePathIsRecordedStepByStep() {
        Nomination notice = inNotice();
        assertThat(notice.state()).isEqualTo(NominationState.PUBLIC_NOTICE);
        assertThat(notice.notice()).isEqualTo(new NoticeWindow(T0.plusDays(8), T0.plusDays(15)));

        NamingOutcome named = workflow.name(notice, at("chair", T0.plusDays(16), "公示无异议"), quota);

        assertThat(named.nomination().state()).isEqualTo(NominationState.NAMED);
        assertThat(named.nomination().decisions()).extracting(Decision::action).containsExactly(
                WorkflowAction.NOMINATE, WorkflowAction.SUBMIT_FOR_FIRST_REVIEW, WorkflowAction.PASS_FIRST_REVIEW,
                WorkflowAction.PASS_EXPERT_REVIEW, WorkflowAction.PASS_SITE_VISIT, WorkflowAction.NAME);
        assertThat(named.nomination().decisions()).extracting(Decision::to).containsExactly(
                NominationState.NOMINATED, NominationState.FIRST_REVIEW, NominationState.EXPERT_REVIEW,
                NominationState.SITE_VISIT, NominationState.PUBLIC_NOTICE, NominationState.NAMED);
        Decision expert = named.nomination().decisions().get(3);
        assertThat(expert.by()).isEqualTo("panel");
        assertThat(expert.at()).isEqualTo(T0.plusDays(5));
        assertThat(expert.why()).isEqualTo("评议 5 票全票通过");
        assertThat(named.nomination().decisions().get(4).note().zh()).isEqualTo("实地考察 → 公示，公示至 2026-09-16T09:00");
        assertThat(named.quota().holds("P7")).isTrue();
    }

    @Test
    void illegalTransitionsAreRefusedWithAReason() {
        Nomination n = nominated();

        assertThatThrownBy(() -> workflow.apply(n, WorkflowAction.PASS_EXPERT_REVIEW, at("panel", T0.plusDays(1), "")))
                .isInstanceOfSatisfying(WorkflowException.class, e -> {
                    assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION");
                    assertThat(e.reason().toString()).isEqualTo("当前为推荐，不能执行 PASS_EXPERT_REVIEW：须处于专家评议阶段"
                            + " / cannot PASS_EXPERT_REVIEW while nominated: requires the expert review stage");
                });
        assertThatThrownBy(() -> workflow.name(n, at("chair", T0.plusDays(1), ""), quota))
                .hasMessageContaining("须处于公示阶段");
        assertThatThrownBy(() -> workflow.apply(n, WorkflowAction.SUBMIT_FOR_FIRST_REVIEW, at("x", T0.minusDays(1), "")))
                .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.code()).isEqualTo("OUT_OF_ORDER"));

        Nomination withdrawn = workflow.apply(n, WorkflowAction.WITHDRAW, at("P7", T0.plusDays(1), "本人申请撤回"));
        assertThat(withdrawn.state()).isEqualTo(NominationState.WITHDRAWN);
        assertThatThrownBy(() -> workflow.apply(withdrawn, WorkflowAction.SUBMIT_FOR_FIRST_REVIEW, at("x", T0.plusDays(2), "")))
                .hasMessageContaining("须处于推荐阶段");
        assertThatThrownBy(() -> workflow.apply(withdrawn, WorkflowAction.REJECT, at("x", T0.plusDays(2), "")))
                .hasMessageContaining("已撤回，流程已结束");
    }

    @Test
    void firstReviewCanReject() {
        Nomination n = workflow.apply(nominated(), WorkflowAction.SUBMIT_FOR_FIRST_REVIEW, at("staff", T0.plusDays(1), ""));

        Nomination rejected = workflow.apply(n, WorkflowAction.REJECT, at("reviewer", T0.plusDays(2), "年限不足"));

        assertThat(rejected.state()).isEqualTo(NominationState.REJECTED);
        assertThat(rejected.decisions().get(2).why()).isEqualTo("年限不足");
    }

    @Test
    void namingWaitsForTheNoticeToClose() {
        Nomination notice = inNotice();

        assertThatThrownBy(() -> workflow.name(notice, at("chair", T0.plusDays(10), ""), quota))
                .isInstanceOfSatisfying(WorkflowException.class, e -> {
                    assertThat(e.code()).isEqualTo("NOTICE_OPEN");
                    assertThat(e.reason().en()).isEqualTo("the notice runs until 2026-09-16T09:00; naming must wait");
                });
        assertThatThrownBy(() -> workflow.apply(notice, WorkflowAction.REJECT, at("chair", T0.plusDays(10), "")))
                .hasMessageContaining("only an objection ruling can return or reject");
    }

    @Test
    void anUpheldObjectionDuringNoticeSendsItBackAndANewNoticeOpensLater() {
        Nomination notice = inNotice();
        Nomination objected = workflow.fileObjection(notice, "OBJ-1",
                at("anonymous-worker", T0.plusDays(10), "申报的专利并非本人完成"));

        assertThat(objected.hasPendingObjection()).isTrue();
        assertThatThrownBy(() -> workflow.name(objected, at("chair", T0.plusDays(16), ""), quota))
                .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.code()).isEqualTo("OBJECTION_PENDING"));

        Nomination returned = workflow.ruleOnObjection(objected, "OBJ-1", ObjectionRuling.UPHELD_RETURN,
                at("supervision", T0.plusDays(12), "核实：专利第一发明人为他人，需重新评议积分"));
        assertThat(returned.state()).isEqualTo(NominationState.EXPERT_REVIEW);
        assertThat(returned.objection("OBJ-1").orElseThrow().ruling()).isEqualTo(ObjectionRuling.UPHELD_RETURN);
        assertThat(returned.decisions().get(returned.decisions().size() - 1).note().toString())
                .isEqualTo("异议 OBJ-1 成立，退回专家评议 / objection OBJ-1 upheld, returned to expert review");

        Nomination again = workflow.apply(returned, WorkflowAction.PASS_EXPERT_REVIEW, at("panel", T0.plusDays(20), "扣除该专利后仍达标"));
        again = workflow.apply(again, WorkflowAction.PASS_SITE_VISIT, at("panel", T0.plusDays(21), ""));
        assertThat(again.notice()).isEqualTo(new NoticeWindow(T0.plusDays(21), T0.plusDays(28)));
        Nomination secondNotice = again;
        assertThatThrownBy(() -> workflow.name(secondNotice, at("chair", T0.plusDays(22), ""), quota))
                .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.code()).isEqualTo("NOTICE_OPEN"));
        assertThat(workflow.name(secondNotice, at("chair", T0.plusDays(28), "公示期满"), quota).nomination().state())
                .isEqualTo(NominationState.NAMED);
    }

    @Test
    void aDismissedObjectionLetsTheNoticeRunAndAnUpheldRejectionEndsIt() {
        Nomination objected = workflow.fileObjection(inNotice(), "OBJ-1", at("w", T0.plusDays(9), "有异议"));
        Nomination dismissed = workflow.ruleOnObjection(objected, "OBJ-1", ObjectionRuling.DISMISSED,
                at("supervision", T0.plusDays(11), "经核实不成立"));
        assertThat(dismissed.state()).isEqualTo(NominationState.PUBLIC_NOTICE);
        assertThat(workflow.name(dismissed, at("chair", T0.plusDays(15), ""), quota).nomination().state())
                .isEqualTo(NominationState.NAMED);

        Nomination second = workflow.fileObjection(dismissed, "OBJ-2", at("w2", T0.plusDays(12), "成绩造假"));
        Nomination rejected = workflow.ruleOnObjection(second, "OBJ-2", ObjectionRuling.UPHELD_REJECT,
                at("supervision", T0.plusDays(14), "查实"));
        assertThat(rejected.state()).isEqualTo(NominationState.REJECTED);
        assertThatThrownBy(() -> workflow.ruleOnObjection(rejected, "OBJ-2", ObjectionRuling.DISMISSED,
                at("supervision", T0.plusDays(15), ""))).hasMessageContaining("已裁定");
    }

    @Test
    void objectionsOutsideTheNoticeAreRefused() {
        Nomination notice = inNotice();

        assertThatThrownBy(() -> workflow.fileObjection(notice, "LATE", at("w", T0.plusDays(15), "迟到的异议")))
                .isInstanceOfSatisfying(WorkflowException.class, e -> {
                    assertThat(e.code()).isEqualTo("NOTICE_CLOSED");
                    assertThat(e.reason().zh()).isEqualTo("公示已于 2026-09-16T09:00 结束");
                });
        assertThatThrownBy(() -> workflow.fileObjection(nominated(), "EARLY", at("w", T0.plusDays(1), "")))
                .hasMessageContaining("只有公示期间可以提出异议");
        assertThatThrownBy(() -> workflow.ruleOnObjection(notice, "NOPE", ObjectionRuling.DISMISSED, at("s", T0.plusDays(9), "")))
                .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.code()).isEqualTo("UNKNOWN_OBJECTION"));
    }

    @Test
    void withoutASiteVisitExpertReviewLeadsStraightToNotice() {
        NominationWorkflow dezhou = new NominationWorkflow(Examples.dezhou().workflow());
        Nomination n = dezhou.nominate("N", "P", "电工", "O", "dz", "CHIEF_TECHNICIAN", 2026, "r", at("u", T0, ""));
        n = dezhou.apply(n, WorkflowAction.SUBMIT_FOR_FIRST_REVIEW, at("u", T0, ""));
        n = dezhou.apply(n, WorkflowAction.PASS_FIRST_REVIEW, at("u", T0, ""));
        n = dezhou.apply(n, WorkflowAction.PASS_EXPERT_REVIEW, at("u", T0, ""));

        assertThat(n.state()).isEqualTo(NominationState.PUBLIC_NOTICE);
        assertThat(n.notice().closesAt()).isEqualTo(T0.plusDays(5));
        Nomination inNotice = n;
        assertThatThrownBy(() -> dezhou.apply(inNotice, WorkflowAction.PASS_SITE_VISIT, at("u", T0, "")))
                .hasMessageContaining("no site visit is configured");
    }
}
