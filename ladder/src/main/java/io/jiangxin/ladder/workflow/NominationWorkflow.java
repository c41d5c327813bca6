package io.jiangxin.ladder.workflow;

import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.quota.QuotaClaim;
import io.jiangxin.ladder.quota.QuotaLedger;
import io.jiangxin.ladder.quota.QuotaRefusedException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The review workflow as a pure state machine:
 * <pre>
 * 推荐 NOMINATED → 初审 FIRST_REVIEW → 专家评议 EXPERT_REVIEW → [实地考察 SITE_VISIT] → 公示 PUBLIC_NOTICE → 命名 NAMED
 *                  any open stage → REJECTED (by REJECT) or WITHDRAWN (by WITHDRAW)
 * </pre>
 * Entering 公示 opens a notice window of {@link WorkflowSettings#noticeDays()} days. While it is open anyone
 * may file an objection; a ruling of UPHELD_RETURN sends the nomination back for review (a new notice is
 * opened when it passes again), UPHELD_REJECT rejects it, DISMISSED leaves the notice running. Naming needs
 * the window closed, no objection pending, and a free quota slot.
 *
 * <p>Entry points for the server: {@link #nominate}, {@link #apply}, {@link #fileObjection},
 * {@link #ruleOnObjection}, {@link #name}. Each returns the next value or throws {@link WorkflowException}
 * with a stable code and a zh/en reason (the server answers 409). Decisions must come in time order.
 */
public final class NominationWorkflow {

    private final WorkflowSettings settings;

    public NominationWorkflow(WorkflowSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public Nomination nominate(String nominationId, String personId, String trade, String organizationId,
                               String ladderId, String tierCode, int year, String ruleReference, DecisionInput input) {
        Decision decision = new Decision(WorkflowAction.NOMINATE, null, NominationState.NOMINATED, input.by(), input.at(),
                input.why(), BilingualText.of("推荐", "nominated"));
        return new Nomination(nominationId, personId, trade, organizationId, ladderId, tierCode, year, ruleReference,
                NominationState.NOMINATED, List.of(decision), null, List.of());
    }

    /** A review step, a rejection or a withdrawal. Naming goes through {@link #name} because it takes a quota slot. */
    public Nomination apply(Nomination nomination, WorkflowAction action, DecisionInput input) {
        inOrder(nomination, input);
        NominationState from = nomination.state();
        NominationState to = switch (action) {
            case SUBMIT_FOR_FIRST_REVIEW -> expect(from, NominationState.NOMINATED, action, NominationState.FIRST_REVIEW);
            case PASS_FIRST_REVIEW -> expect(from, NominationState.FIRST_REVIEW, action, NominationState.EXPERT_REVIEW);
            case PASS_EXPERT_REVIEW -> expect(from, NominationState.EXPERT_REVIEW, action,
                    settings.siteVisit() ? NominationState.SITE_VISIT : NominationState.PUBLIC_NOTICE);
            case PASS_SITE_VISIT -> {
                if (!settings.siteVisit()) {
                    throw illegal(from, action, BilingualText.of("本单位未设实地考察", "no site visit is configured"));
                }
                yield expect(from, NominationState.SITE_VISIT, action, NominationState.PUBLIC_NOTICE);
            }
            case REJECT -> {
                if (from.isFinal()) {
                    throw illegal(from, action, finalText(from));
                }
                if (from == NominationState.PUBLIC_NOTICE) {
                    throw illegal(from, action, BilingualText.of("公示期间只能通过异议裁定退回或否决",
                            "during public notice only an objection ruling can return or reject"));
                }
                yield NominationState.REJECTED;
            }
            case WITHDRAW -> {
                if (from.isFinal()) {
                    throw illegal(from, action, finalText(from));
                }
                yield NominationState.WITHDRAWN;
            }
            default -> throw illegal(from, action, BilingualText.of("此操作须另行调用", "this action has its own call"));
        };
        NoticeWindow window = to == NominationState.PUBLIC_NOTICE
                ? new NoticeWindow(input.at(), input.at().plusDays(settings.noticeDays()))
                : nomination.notice();
        BilingualText note = BilingualText.of(from.zh() + " → " + to.zh(), from.en() + " → " + to.en());
        if (to == NominationState.PUBLIC_NOTICE) {
            note = BilingualText.of(note.zh() + "，公示至 " + window.closesAt(), note.en() + ", notice until " + window.closesAt());
        }
        return nomination.with(to, new Decision(action, from, to, input.by(), input.at(), input.why(), note), window,
                nomination.objections());
    }

    /** Files an objection while the notice is open. {@code input.why()} is the objection's statement. */
    public Nomination fileObjection(Nomination nomination, String objectionId, DecisionInput input) {
        inOrder(nomination, input);
        if (nomination.state() != NominationState.PUBLIC_NOTICE) {
            throw illegal(nomination.state(), WorkflowAction.FILE_OBJECTION,
                    BilingualText.of("只有公示期间可以提出异议", "objections can only be filed during public notice"));
        }
        if (!nomination.notice().openAt(input.at())) {
            throw new WorkflowException("NOTICE_CLOSED", BilingualText.of(
                    "公示已于 " + nomination.notice().closesAt() + " 结束", "the notice closed at " + nomination.notice().closesAt()));
        }
        if (nomination.objection(objectionId).isPresent()) {
            return nomination;
        }
        List<Objection> objections = new ArrayList<>(nomination.objections());
        objections.add(new Objection(objectionId, input.by(), input.at(), input.why(), null, null, null, null));
        Decision decision = new Decision(WorkflowAction.FILE_OBJECTION, nomination.state(), nomination.state(), input.by(),
                input.at(), input.why(), BilingualText.of("收到异议 " + objectionId, "objection " + objectionId + " filed"));
        return nomination.with(nomination.state(), decision, nomination.notice(), objections);
    }

    public Nomination ruleOnObjection(Nomination nomination, String objectionId, ObjectionRuling ruling, DecisionInput input) {
        inOrder(nomination, input);
        Objection objection = nomination.objection(objectionId).orElseThrow(() -> new WorkflowException(
                "UNKNOWN_OBJECTION", BilingualText.of("没有异议 " + objectionId, "no objection " + objectionId)));
        if (!objection.pending()) {
            throw new WorkflowException("ILLEGAL_TRANSITION", BilingualText.of(
                    "异议 " + objectionId + " 已裁定", "objection " + objectionId + " is already ruled on"));
        }
        if (nomination.state() != NominationState.PUBLIC_NOTICE) {
            throw illegal(nomination.state(), WorkflowAction.RULE_ON_OBJECTION,
                    BilingualText.of("只有公示中的异议可以裁定", "only objections during public notice can be ruled on"));
        }
        List<Objection> objections = nomination.objections().stream()
                .map(o -> o.objectionId().equals(objectionId) ? o.ruled(ruling, input) : o).toList();
        NominationState to = switch (ruling) {
            case DISMISSED -> NominationState.PUBLIC_NOTICE;
            case UPHELD_RETURN -> settings.objectionReturnsTo();
            case UPHELD_REJECT -> NominationState.REJECTED;
        };
        BilingualText note = switch (ruling) {
            case DISMISSED -> BilingualText.of("异议 " + objectionId + " 不成立，公示继续",
                    "objection " + objectionId + " dismissed, the notice continues");
            case UPHELD_RETURN -> BilingualText.of("异议 " + objectionId + " 成立，退回" + to.zh(),
                    "objection " + objectionId + " upheld, returned to " + to.en());
            case UPHELD_REJECT -> BilingualText.of("异议 " + objectionId + " 成立，不予命名",
                    "objection " + objectionId + " upheld, rejected");
        };
        Decision decision = new Decision(WorkflowAction.RULE_ON_OBJECTION, nomination.state(), to, input.by(), input.at(),
                input.why(), note);
        return nomination.with(to, decision, nomination.notice(), objections);
    }

    /**
     * Names the nominee after the notice: refused while the notice is open or an objection is pending, and
     * refused with the quota's reason when the title-year has no slot left for them.
     */
    public NamingOutcome name(Nomination nomination, DecisionInput input, QuotaLedger quota) {
        inOrder(nomination, input);
        NominationState from = nomination.state();
        expect(from, NominationState.PUBLIC_NOTICE, WorkflowAction.NAME, NominationState.NAMED);
        if (nomination.notice().openAt(input.at()) || input.at().isBefore(nomination.notice().opensAt())) {
            throw new WorkflowException("NOTICE_OPEN", BilingualText.of(
                    "公示期至 " + nomination.notice().closesAt() + " 结束，尚不能命名",
                    "the notice runs until " + nomination.notice().closesAt() + "; naming must wait"));
        }
        if (nomination.hasPendingObjection()) {
            throw new WorkflowException("OBJECTION_PENDING", BilingualText.of(
                    "尚有未裁定的异议", "an objection is still awaiting its ruling"));
        }
        if (quota.year() != nomination.year() || !Objects.equals(quota.tierCode(), nomination.tierCode())
                || !Objects.equals(quota.ladderId(), nomination.ladderId())) {
            throw new IllegalArgumentException("the quota ledger is for another title or year");
        }
        QuotaLedger next;
        try {
            next = quota.claim(new QuotaClaim(nomination.personId(), nomination.trade(), nomination.organizationId(),
                    nomination.nominationId()));
        } catch (QuotaRefusedException refused) {
            throw new WorkflowException(refused.code(), BilingualText.of("不能命名：" + refused.reason().zh(),
                    "cannot name: " + refused.reason().en()));
        }
        BilingualText slot = next.check(nomination.personId(), nomination.trade(), nomination.organizationId()).slot().label();
        Decision decision = new Decision(WorkflowAction.NAME, from, NominationState.NAMED, input.by(), input.at(),
                input.why(), BilingualText.of("命名，占用" + slot.zh(), "named, taking " + slot.en()));
        return new NamingOutcome(nomination.with(NominationState.NAMED, decision, nomination.notice(),
                nomination.objections()), next);
    }

    private static void inOrder(Nomination nomination, DecisionInput input) {
        Decision last = nomination.decisions().get(nomination.decisions().size() - 1);
        if (input.at().isBefore(last.at())) {
            throw new WorkflowException("OUT_OF_ORDER", BilingualText.of(
                    "决定时间 " + input.at() + " 早于上一步 " + last.at(),
                    "decision time " + input.at() + " is before the previous step " + last.at()));
        }
    }

    private static NominationState expect(NominationState from, NominationState required, WorkflowAction action,
                                          NominationState to) {
        if (from != required) {
            throw illegal(from, action, BilingualText.of("须处于" + required.zh() + "阶段", "requires the " + required.en() + " stage"));
        }
        return to;
    }

    private static BilingualText finalText(NominationState state) {
        return BilingualText.of("已" + state.zh() + "，流程已结束", "already " + state.en() + ", the process has ended");
    }

    private static WorkflowException illegal(NominationState from, WorkflowAction action, BilingualText why) {
        return new WorkflowException("ILLEGAL_TRANSITION", BilingualText.of(
                "当前为" + from.zh() + "，不能执行 " + action + "：" + why.zh(),
                "cannot " + action + " while " + from.en() + ": " + why.en()));
    }
}
