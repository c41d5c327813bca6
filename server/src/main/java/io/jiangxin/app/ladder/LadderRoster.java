package io.jiangxin.app.ladder;

import io.jiangxin.auth.AccountKind;
import io.jiangxin.auth.Principal;
import io.jiangxin.ladder.tier.Ladder;
import io.jiangxin.ladder.tier.Tier;
import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.registry.Person;
import io.jiangxin.storage.ladder.LadderStores;
import io.jiangxin.storage.ladder.TierHoldingStore.HoldingRow;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A ladder's roster: the holders of each tier on a day; public only where the organization made it public. */
public record LadderRoster(LadderStores stores, Programmes programmes, Clock clock) {

    /** Organizers also see each holder's person id, basis and nomination. */
    public Future<JsonObject> roster(Principal who, String ladderId, String tierCode, LocalDate asOf) {
        LocalDate day = asOf != null ? asOf : LadderCalendar.today(clock);
        return programmes.ofLadder(stores.pool(), ladderId).compose(p -> {
            boolean organizer = who != null && who.is(AccountKind.ORGANIZER);
            if (!p.row().publicRoster() && !organizer) {
                throw who == null ? new Problem(ErrorCode.SIGN_IN_REQUIRED, "该名册未公开，请先登录 / this roster is not"
                        + " public; sign in first")
                        : new Problem(ErrorCode.ROSTER_NOT_PUBLIC, "该名册未公开 / this roster is not public");
            }
            Ladder ladder = p.ladder(ladderId);
            if (tierCode != null && ladder.tier(tierCode).isEmpty()) {
                throw Problem.unknownReference("tier", "梯队没有层级 " + tierCode + " / the ladder has no tier " + tierCode);
            }
            return stores.holdings().holdingsOfLadder(stores.pool(), ladderId).compose(holdings -> {
                List<HoldingRow> current = holdings.stream().filter(h -> !h.start().isAfter(day)
                        && (h.end() == null || h.end().isAfter(day))).toList();
                List<Long> ids = current.stream().map(HoldingRow::personId).distinct().toList();
                return stores.people().people(stores.pool(), ids).compose(people -> stores.people()
                        .organizationNames(stores.pool(), people.stream().map(Person::organizationId).distinct().toList())
                        .map(orgs -> {
                            Map<Long, Person> byId = new HashMap<>();
                            people.forEach(x -> byId.put(x.id(), x));
                            JsonArray tiers = new JsonArray();
                            for (Tier tier : ladder.tiers()) {
                                if (tierCode == null || tier.code().equals(tierCode)) {
                                    tiers.add(tierView(tier, current, byId, orgs, organizer));
                                }
                            }
                            return new JsonObject().put("ladderId", ladderId).put("name", ladder.name())
                                    .put("asOf", day.toString()).put("public", p.row().publicRoster())
                                    .put("tiers", tiers);
                        }));
            });
        });
    }

    private static JsonObject tierView(Tier tier, List<HoldingRow> current, Map<Long, Person> byId,
                                       Map<Long, String> orgs, boolean organizer) {
        JsonArray holders = new JsonArray();
        current.stream().filter(h -> h.tierCode().equals(tier.code()))
                .sorted(Comparator.comparing(HoldingRow::start).thenComparing(HoldingRow::personId))
                .forEach(h -> {
                    Person person = byId.get(h.personId());
                    JsonObject holder = new JsonObject().put("name", person.name())
                            .put("organization", orgs.get(person.organizationId()))
                            .put("trade", person.trade()).put("since", h.start().toString());
                    if (organizer) {
                        holder.put("personId", person.id()).put("basis", h.basis())
                                .put("nominationId", h.nominationId());
                    }
                    holders.add(holder);
                });
        return new JsonObject().put("code", tier.code()).put("name", tier.name()).put("count", holders.size())
                .put("holders", holders);
    }
}
