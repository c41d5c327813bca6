package io.jiangxin.judging;

import io.jiangxin.auth.AccountKind;
import io.jiangxin.auth.PanelRole;
import io.jiangxin.auth.Principal;
import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is asking, as far as one event's judging is concerned: the one policy for what judges, head judges, arbiters
 * and organizers may read. Judges see entry codes and their own marks only; names appear to organizers, and to the
 * jury once the event is signed off. The read routes and the exports decide with the same rules.
 */
public record EventViewer(Principal principal, EventFacts facts, List<PanelMember> panel, PanelRole role,
                          List<EventEntry> entries) {

    /**
     * The viewer of an event for a signed-in account. Organizers act for every contest; anyone else only for their
     * own (workers have none).
     */
    public static EventViewer of(Principal who, EventFacts facts, List<PanelMember> panel, List<EventEntry> entries) {
        boolean contestMember = who.is(AccountKind.ORGANIZER) || Long.valueOf(facts.contestId()).equals(who.contestId());
        if (!contestMember) {
            throw new Problem(ErrorCode.NOT_THIS_CONTEST, "您的账号属于另一个竞赛 / your account belongs to another contest");
        }
        PanelRole role = panel.stream().filter(m -> m.accountId() == who.accountId()).map(PanelMember::role)
                .findFirst().orElse(null);
        return new EventViewer(who, facts, panel, role, entries);
    }

    public boolean organizer() {
        return principal.is(AccountKind.ORGANIZER);
    }

    public boolean jury() {
        return organizer() || role == PanelRole.HEAD_JUDGE;
    }

    public boolean arbiter() {
        return principal.is(AccountKind.ARBITER) && principal.contestId().equals(facts.contestId());
    }

    public boolean namesVisible() {
        return organizer() || (facts.signedOffAt() != null && (jury() || arbiter()));
    }

    public Map<String, EventEntry> byId() {
        Map<String, EventEntry> map = new HashMap<>();
        entries.forEach(e -> map.put(String.valueOf(e.registrationId()), e));
        return map;
    }

    /** Why this judge may not score the entry, or null. Declared conflicts are checked when they write. */
    public String recusal(EventEntry entry) {
        Long organization = principal.organizationId();
        if (organization != null && entry.organizationIds().contains(organization)) {
            return "您与该选手同单位，须回避 / you share an organization with this entry and are recused";
        }
        return null;
    }

    public void requireJudge() {
        if (role != PanelRole.JUDGE) {
            throw new Problem(ErrorCode.NOT_ON_PANEL, "您不在该赛项的裁判组中 / you are not on this event's panel");
        }
    }

    /** The panel matrix, and the raw marks export, are for the event's head judge and organizers. */
    public void requireJury() {
        if (!jury()) {
            throw new Problem(ErrorCode.NOT_HEAD_JUDGE, "只有裁判长和组委会可以查看评分矩阵 / only the head judge and"
                    + " organizers see the panel matrix");
        }
    }

    public void requireJuryOrArbiter() {
        if (!jury() && !arbiter()) {
            throw new Problem(ErrorCode.ROLE_NOT_ALLOWED, "仅供裁判长、组委会和仲裁组查看 / for the head judge, organizers and"
                    + " arbiters only");
        }
    }
}
