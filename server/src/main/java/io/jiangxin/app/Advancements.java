package io.jiangxin.app;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.auth.AccountKind;
import io.jiangxin.auth.Principal;
import io.jiangxin.cluster.LiveEvents;
import io.jiangxin.cluster.Projections;
import io.jiangxin.engine.scheme.AdvancementRule;
import io.jiangxin.storage.AdvancementStore;
import io.jiangxin.storage.JudgingStore;
import io.jiangxin.storage.RoundTotalStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 晋级 and 推荐晋级: once an event is signed off, the entries its scheme's advancement rule takes on (top N plus ties
 * at the cutoff, optionally only those who passed, ranked on the normalised score where the scheme normalises) are
 * registered in the next event (the next round of the contest, or another contest's event) with their content and
 * documents. Recorded with the rule, each entry's rank and figures, who and when.
 */
public final class Advancements {

    private static final Logger LOG = LoggerFactory.getLogger(Advancements.class);

    private final AdvancementStore store;
    /** Where the advanced entry's history (entry_audit) is written. */
    private final io.jiangxin.storage.EntryStore entries;
    private final JudgingStore judging;
    private final LiveEvents live;
    private final Schemes schemes = new Schemes();

    public Advancements(AdvancementStore store, JudgingStore judging, LiveEvents live) {
        this.store = store;
        this.entries = new io.jiangxin.storage.EntryStore(store.pool());
        this.judging = judging;
        this.live = live;
    }

    public Future<JsonObject> advance(Principal who, long fromEvent, long toEvent) {
        if (!who.is(AccountKind.ORGANIZER)) {
            return Future.failedFuture(new Problem(ErrorCode.ROLE_NOT_ALLOWED, "只有组委会可以办理晋级 / only organizers"
                    + " advance entries"));
        }
        if (fromEvent == toEvent) {
            return Future.failedFuture(Problem.invalid(List.of(new io.jiangxin.registry.FieldError("toEventId",
                    "须为另一个赛项 / must be another event"))));
        }
        return judging.facts(fromEvent).compose(facts -> {
            io.jiangxin.engine.scheme.MarkingScheme fromScheme = schemes.of(facts.schemeJson());
            AdvancementRule rule = fromScheme.advancement();
            String fromRound = roundId(fromScheme);
            if (rule == null) {
                throw new Problem(ErrorCode.NO_ADVANCEMENT_RULE, "该赛项的评分标准没有晋级规则（advancement）/ the event's"
                        + " scheme has no advancement rule");
            }
            if (facts.signedOffAt() == null) {
                throw new Problem(ErrorCode.NOT_SIGNED_OFF, "裁判长签字确认后才能晋级 / entries advance once the head judge"
                        + " has signed off");
            }
            return live.view(fromEvent, new Projections.Standings()).compose(json -> {
                List<JsonObject> advancing = new ArrayList<>();
                new JsonObject(json).getJsonArray("rows").forEach(o -> {
                    JsonObject row = (JsonObject) o;
                    if (Boolean.TRUE.equals(row.getBoolean("advances"))) {
                        advancing.add(row);
                    }
                });
                return store.pool().withTransaction(conn -> store.lockTarget(conn, toEvent).compose(target -> {
                    if (target.signedOff()) {
                        throw new Problem(ErrorCode.TARGET_SIGNED_OFF, "目标赛项已签字确认 / the target event is signed off");
                    }
                    JsonArray advanced = new JsonArray();
                    JsonArray already = new JsonArray();
                    List<Carry> carries = new ArrayList<>();
                    Future<Void> chain = Future.succeededFuture();
                    for (JsonObject row : advancing) {
                        long from = Long.parseLong(row.getString("entryId"));
                        BigDecimal own = ownRoundTotal(row, fromRound);
                        chain = chain.compose(v -> store.advance(conn, from, toEvent, who.accountId()).map(moved -> {
                            JsonObject why = new JsonObject().put("fromRegistrationId", from)
                                    .put("rank", row.getInteger("rank")).put("total", row.getString("total"))
                                    .put("normalised", row.getString("normalised"))
                                    .put("combined", row.getString("combined"))
                                    .put("roundId", fromRound).put("roundTotal", own.toPlainString())
                                    .put("reason", reason(rule, row));
                            if (moved == null) {
                                already.add(why);
                            } else {
                                carries.add(new Carry(from, moved.toRegistrationId(), own));
                                advanced.add(why.put("toRegistrationId", moved.toRegistrationId())
                                        .put("entryCode", moved.entryCode()).put("documents", moved.documents()));
                            }
                            return null;
                        }));
                    }
                    JsonObject ruleJson = ruleJson(rule);
                    return chain.compose(v -> store.record(conn, fromEvent, toEvent, ruleJson,
                                    new JsonArray().addAll(advanced).addAll(already), who.accountId()))
                            .compose(id -> {
                                // Each advanced entry brings its earlier rounds' totals and this round's along.
                                Future<Void> carried = Future.succeededFuture();
                                for (Carry carry : carries) {
                                    carried = carried.compose(v -> RoundTotalStore.carry(conn, carry.from(), carry.to(),
                                            fromEvent, fromRound, carry.own(), id).mapEmpty())
                                            // The entry's own history says where it came from and under which record.
                                            .compose(v -> entries.audit(conn,
                                                    carry.to(), who.accountId(), "ADVANCED", new JsonObject()
                                                            .put("advancementId", id).put("fromEventId", fromEvent)
                                                            .put("fromRegistrationId", carry.from())
                                                            .put("sameContest", target.contestId() == facts.contestId())));
                                }
                                return carried.map(v -> id);
                            })
                            .map(id -> new JsonObject().put("id", id).put("fromEventId", fromEvent)
                                    .put("toEventId", toEvent).put("sameContest", target.contestId() == facts.contestId())
                                    .put("roundId", fromRound)
                                    .put("rule", ruleJson).put("advanced", advanced).put("alreadyRegistered", already));
                }));
            });
        }).compose(body -> live.evict(toEvent).otherwise(failure -> {
            LOG.warn("live state of event {} not evicted after an advancement: {}", toEvent, failure.toString());
            return null;
        }).map(done -> body));
    }

    /** An advanced entry's registrations before and after, and its own total in the round it leaves. */
    private record Carry(long from, long to, BigDecimal own) {
    }

    /**
     * The id under which an event's totals are carried into later rounds: its scheme's {@code rounds.current} when
     * it combines rounds itself, otherwise the scheme's {@code id}. A later round's {@code rounds.weights} name it.
     */
    public static String roundId(io.jiangxin.engine.scheme.MarkingScheme scheme) {
        return scheme.rounds() != null ? scheme.rounds().currentRound() : scheme.id();
    }

    /**
     * The entry's own score in the round it leaves, as a later round combines it: the normalised score where the
     * round normalises, else the raw total; never the combined score (that would count earlier rounds twice).
     */
    private static BigDecimal ownRoundTotal(JsonObject row, String round) {
        JsonObject rounds = row.getJsonObject("rounds");
        if (rounds != null && rounds.getString(round) != null) {
            return new BigDecimal(rounds.getString(round));
        }
        return new BigDecimal(row.getString("normalised") != null ? row.getString("normalised") : row.getString("total"));
    }

    static JsonObject ruleJson(AdvancementRule rule) {
        return new JsonObject().put("topN", rule.topN()).put("requirePass", rule.requirePass())
                .put("minScore", rule.minScore() == null ? null : rule.minScore().toPlainString());
    }

    /** Why the entry advanced, in words (zh-CN / English). */
    static String reason(AdvancementRule rule, JsonObject row) {
        String score = row.getString("combined") != null ? row.getString("combined")
                : row.getString("normalised") != null ? row.getString("normalised") : row.getString("total");
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        if (rule.topN() != null) {
            zh.add("名次 " + row.getInteger("rank") + " 在前 " + rule.topN() + " 名内（含并列）");
            en.add("rank " + row.getInteger("rank") + " within the top " + rule.topN() + " (ties included)");
        }
        if (rule.minScore() != null) {
            zh.add("成绩 " + score + " 达到分数线 " + rule.minScore().toPlainString());
            en.add("score " + score + " reaches the threshold " + rule.minScore().toPlainString());
        }
        if (rule.requirePass()) {
            zh.add("已及格");
            en.add("passed");
        }
        return String.join("，", zh) + " / " + String.join(", ", en);
    }

    public Future<JsonObject> list(Principal who, long eventId) {
        if (!who.is(AccountKind.ORGANIZER)) {
            return Future.failedFuture(new Problem(ErrorCode.ROLE_NOT_ALLOWED, "晋级记录仅供组委会查看 / only organizers"
                    + " read advancement records"));
        }
        return judging.facts(eventId).compose(facts -> store.list(eventId))
                .map(items -> new JsonObject().put("eventId", eventId).put("items", new JsonArray(items)));
    }
}
