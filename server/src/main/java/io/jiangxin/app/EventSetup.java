package io.jiangxin.app;

import io.jiangxin.auth.AccountKind;
import io.jiangxin.auth.PanelRole;
import io.jiangxin.auth.Principal;
import io.jiangxin.cluster.LiveEvents;
import io.jiangxin.engine.io.SchemeFiles;
import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.judging.EventFacts;
import io.jiangxin.judging.PanelMember;
import io.jiangxin.judging.Seat;
import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.registry.FieldError;
import io.jiangxin.storage.AccountStore;
import io.jiangxin.storage.JudgingStore;
import io.jiangxin.storage.Stores;
import io.vertx.core.Future;
import java.util.List;

/** An event made ready for judging: its marking scheme, its panel, and the conflicts declared against entries. */
public final class EventSetup {

    public static final int DEFAULT_APPEAL_WINDOW_MINUTES = 120;

    private final Stores stores;
    private final JudgingStore judging;
    private final AccountStore accounts;
    private final LiveEvents live;

    public EventSetup(Stores stores, JudgingStore judging, AccountStore accounts, LiveEvents live) {
        this.stores = stores;
        this.judging = judging;
        this.accounts = accounts;
        this.live = live;
    }

    /** Stores a validated scheme and drops the event's live state, which is rebuilt under the new scheme. */
    public Future<Void> setScheme(long eventId, MarkingScheme scheme, Integer appealWindowMinutes) {
        return judging.setScheme(eventId, SchemeFiles.write(scheme),
                        appealWindowMinutes == null ? DEFAULT_APPEAL_WINDOW_MINUTES : appealWindowMinutes)
                .compose(done -> live.evict(eventId));
    }

    /** The event's facts with its scheme; 404 while none is set. */
    public Future<EventFacts> withScheme(long eventId) {
        return judging.facts(eventId).map(facts -> {
            if (facts.schemeJson() == null) {
                // the scheme is a resource of its own: reading one that is not set is a 404, as for any resource
                throw new Problem(ErrorCode.NOT_FOUND, "该赛项尚未设置评分标准 / the event has no marking scheme yet");
            }
            return facts;
        });
    }

    /** Seats a judge account of the event's own contest on its panel. */
    public Future<Void> seat(long eventId, long accountId, PanelRole role) {
        return Future.all(stores.events().get(eventId), accounts.get(accountId)).compose(found -> {
            io.jiangxin.registry.Event event = found.resultAt(0);
            Principal account = found.resultAt(1);
            if (!account.is(AccountKind.JUDGE) || !account.contestId().equals(event.contestId())) {
                throw Problem.invalid(List.of(new FieldError("accountId",
                        "只能指派本竞赛的裁判账号 / only a judge account of this event's contest can sit on its panel")));
            }
            return judging.setPanelMember(eventId, accountId, role);
        });
    }

    public Future<Void> unseat(long eventId, long accountId) {
        return judging.removePanelMember(eventId, accountId).map(removed -> {
            if (!removed) {
                throw new Problem(ErrorCode.NOT_FOUND, "该账号不在裁判组中 / the account is not on the panel");
            }
            return null;
        });
    }

    /** The panel, for organizers and the panel's own members. */
    public Future<List<PanelMember>> panel(Principal who, long eventId) {
        return stores.events().get(eventId).compose(event -> judging.panel(judging.pool(), eventId)).map(panel -> {
            boolean member = panel.stream().anyMatch(m -> m.accountId() == who.accountId());
            if (!who.is(AccountKind.ORGANIZER) && !member) {
                throw new Problem(ErrorCode.NOT_ON_PANEL, "您不在该赛项的裁判组中 / you are not on this event's panel");
            }
            return panel;
        });
    }

    public Future<List<Seat>> seats(long accountId) {
        return judging.seats(accountId);
    }

    /** A conflict of a panel judge with an entry, declared by an organizer or the event's head judge. */
    public Future<Void> declareConflict(Principal who, long eventId, long accountId, String entryCode, String reason) {
        return judging.panel(judging.pool(), eventId).compose(panel -> {
            boolean headJudge = panel.stream().anyMatch(m -> m.accountId() == who.accountId()
                    && m.role() == PanelRole.HEAD_JUDGE);
            if (!who.is(AccountKind.ORGANIZER) && !headJudge) {
                throw new Problem(ErrorCode.NOT_HEAD_JUDGE, "只有组委会或裁判长可以登记回避 / only an organizer or the"
                        + " head judge may declare a conflict");
            }
            if (panel.stream().noneMatch(m -> m.accountId() == accountId)) {
                throw Problem.unknownReference("accountId", "该账号不在裁判组中 / the account is not on the panel");
            }
            return judging.entry(judging.pool(), eventId, entryCode);
        }).compose(entry -> judging.declareConflict(accountId, entry.registrationId(), reason, who.accountId()));
    }
}
