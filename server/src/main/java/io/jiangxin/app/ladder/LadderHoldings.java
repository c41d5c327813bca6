package io.jiangxin.app.ladder;

import io.jiangxin.auth.Principal;
import io.jiangxin.ladder.tier.Ladder;
import io.jiangxin.ladder.tier.StepPolicy;
import io.jiangxin.ladder.tier.TierHistory;
import io.jiangxin.ladder.tier.TierHolding;
import io.jiangxin.ladder.tier.TierTransitionException;
import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.registry.FieldError;
import io.jiangxin.storage.ladder.LadderStores;
import io.jiangxin.storage.ladder.TierHoldingStore.HoldingRow;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Tier holdings: who holds which tier since when, moved only as the ladder's {@link TierHistory} allows. */
public record LadderHoldings(LadderStores stores, Programmes programmes) {

    /** Records that a person already holds a tier (for example from before Jiangxin); one tier per ladder at a time. */
    public Future<JsonObject> recordHolding(Principal who, String ladderId, long personId, String tierCode,
                                            LocalDate since, String basis) {
        return stores.pool().withTransaction(conn -> programmes.ofLadder(conn, ladderId).compose(p -> {
            Ladder ladder = p.ladder(ladderId);
            if (ladder.tier(tierCode).isEmpty()) {
                throw Problem.invalid(List.of(new FieldError("tier", "梯队 " + ladderId + " 没有层级 " + tierCode
                        + " / the ladder has no tier " + tierCode)));
            }
            return stores.people().person(conn, personId).compose(person -> moveTo(conn, ladder, personId, tierCode,
                    since, StepPolicy.MAY_SKIP, basis, null, who == null ? null : who.accountId()));
        }));
    }

    /**
     * Moves a person to a tier under the person's holding lock: closes the open holding and opens the new one, as
     * {@link TierHistory} allows; a transition it refuses is a 409.
     */
    public Future<JsonObject> moveTo(SqlClient conn, Ladder ladder, long personId, String tierCode, LocalDate on,
                                     StepPolicy policy, String basis, Long nominationId, Long recordedBy) {
        return stores.holdings().lockPerson(conn, personId)
                .compose(v -> stores.holdings().holdings(conn, List.of(personId)))
                .compose(holdings -> promote(conn, ladder, personId, holdings, tierCode, on, policy, basis,
                        nominationId, recordedBy));
    }

    private Future<JsonObject> promote(SqlClient conn, Ladder ladder, long personId, List<HoldingRow> holdings,
                                       String tierCode, LocalDate on, StepPolicy policy, String basis,
                                       Long nominationId, Long recordedBy) {
        List<HoldingRow> mine = holdings.stream().filter(h -> h.ladderId().equals(ladder.ladderId())
                && h.personId() == personId).sorted(Comparator.comparing(HoldingRow::start)).toList();
        TierHistory history = TierHistory.of(ladder, String.valueOf(personId), mine.stream()
                .map(h -> new TierHolding(h.tierCode(), h.start(), h.end(), h.basis())).toList());
        TierHistory next;
        try {
            next = history.promote(tierCode, on, policy, basis);
        } catch (TierTransitionException e) {
            throw new Problem(ErrorCode.TIER_TRANSITION, e.reason().toString());
        }
        Optional<HoldingRow> open = mine.stream().filter(h -> h.end() == null).findFirst();
        Future<Void> close = open.isPresent() ? stores.holdings().closeHolding(conn, open.get().id(), on)
                : Future.succeededFuture();
        return close.compose(v -> stores.holdings().insertHolding(conn, ladder.ladderId(), personId, tierCode, on,
                        basis, nominationId, recordedBy))
                .map(id -> new JsonObject().put("id", id).put("ladderId", ladder.ladderId())
                        .put("personId", personId).put("tier", tierCode).put("tierName", ladder.tierName(tierCode))
                        .put("since", on.toString()).put("basis", basis)
                        .put("history", historyView(next)));
    }

    static JsonArray historyView(TierHistory history) {
        JsonArray items = new JsonArray();
        history.holdings().forEach(h -> items.add(new JsonObject().put("tier", h.tierCode())
                .put("tierName", history.ladder().tierName(h.tierCode())).put("start", h.start().toString())
                .put("end", h.end() == null ? null : h.end().toString()).put("basis", h.basis())));
        return items;
    }
}
