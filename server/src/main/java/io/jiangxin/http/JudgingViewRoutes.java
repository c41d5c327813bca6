package io.jiangxin.http;

import static io.jiangxin.http.Requests.page;
import static io.jiangxin.http.Requests.pathId;
import static io.jiangxin.http.Requests.pathText;
import static io.jiangxin.http.Requests.queryId;
import static io.jiangxin.http.Requests.queryText;
import static io.jiangxin.http.Responses.respond;

import io.jiangxin.app.Problem;
import io.jiangxin.auth.AccountKind;
import io.jiangxin.auth.PanelRole;
import io.jiangxin.auth.Principal;
import io.jiangxin.cluster.LiveEvents;
import io.jiangxin.cluster.Presence;
import io.jiangxin.cluster.Projections;
import io.jiangxin.judging.HashChain;
import io.jiangxin.judging.LogEntry;
import io.jiangxin.storage.AppealStore;
import io.jiangxin.storage.JudgingStore;
import io.jiangxin.storage.JudgingStore.Entry;
import io.jiangxin.storage.JudgingStore.EventFacts;
import io.jiangxin.storage.JudgingStore.PanelMember;
import io.jiangxin.storage.ScoreLogStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What judges, head judges, arbiters and organizers read of an event's judging. Judges see entry codes and their
 * own marks only; names appear to organizers, and to the jury once the event is signed off.
 */
final class JudgingViewRoutes {

    private final JudgingStore judging;
    private final ScoreLogStore log;
    private final AppealStore appeals;
    private final LiveEvents live;
    private final Presence presence;
    private final io.jiangxin.storage.ReviewStore reviews;

    JudgingViewRoutes(JudgingStore judging, ScoreLogStore log, AppealStore appeals, LiveEvents live,
                      Presence presence) {
        this.reviews = new io.jiangxin.storage.ReviewStore(judging.pool());
        this.judging = judging;
        this.log = log;
        this.appeals = appeals;
        this.live = live;
        this.presence = presence;
    }

    /** Who is asking, as far as this event is concerned; the exports decide with the same rules. */
    record Viewer(Principal principal, EventFacts facts, List<PanelMember> panel, PanelRole role,
                  List<Entry> entries) {
        boolean organizer() {
            return principal.is(AccountKind.ORGANIZER);
        }

        boolean jury() {
            return organizer() || role == PanelRole.HEAD_JUDGE;
        }

        boolean arbiter() {
            return principal.is(AccountKind.ARBITER) && principal.contestId().equals(facts.contestId());
        }

        boolean namesVisible() {
            return organizer() || (facts.signedOffAt() != null && (jury() || arbiter()));
        }

        Map<String, Entry> byId() {
            Map<String, Entry> map = new HashMap<>();
            entries.forEach(e -> map.put(String.valueOf(e.registrationId()), e));
            return map;
        }
    }

    void mount(Router api) {
        api.get("/events/:id/sheets").handler(ctx -> respond(ctx, 200, () -> viewer(ctx).compose(viewer -> {
            if (viewer.jury()) {
                return live.view(viewer.facts().eventId(), new Projections.PanelMatrix()).map(json -> {
                    JsonObject matrix = new JsonObject(json);
                    JsonArray items = new JsonArray();
                    for (Entry entry : viewer.entries()) {
                        JsonObject sheet = matrix.getJsonObject("entries").getJsonObject(
                                String.valueOf(entry.registrationId()));
                        items.add(entryView(viewer, entry).put("locked", sheet != null && sheet.getBoolean("locked"))
                                .put("total", sheet == null ? null : sheet.getString("total"))
                                .put("complete", sheet != null && sheet.getBoolean("complete")));
                    }
                    return new JsonObject().put("version", matrix.getLong("version")).put("items", items);
                });
            }
            requireJudge(viewer);
            long judgeId = viewer.principal().accountId();
            presence.touch(viewer.facts().eventId(), judgeId);
            // With a review assignment (document rounds) a judge lists only the entries assigned to them.
            Future<java.util.Set<Long>> assigned = reviews.assignedTo(reviews.pool(), viewer.facts().eventId(), judgeId);
            return assigned.compose(mineOnly -> live.view(viewer.facts().eventId(),
                            new Projections.JudgeProgress(String.valueOf(judgeId)))
                    .map(json -> {
                        JsonObject progress = new JsonObject(json);
                        JsonArray items = new JsonArray();
                        for (Entry entry : viewer.entries()) {
                            if (recused(viewer, entry) != null
                                    || (mineOnly != null && !mineOnly.contains(entry.registrationId()))) {
                                continue;
                            }
                            JsonObject mine = progress.getJsonObject("entries")
                                    .getJsonObject(String.valueOf(entry.registrationId()));
                            items.add(entryView(viewer, entry).put("state", judgeState(mine)));
                        }
                        return new JsonObject().put("version", progress.getLong("version"))
                                .put("expectedMarks", progress.getInteger("expected")).put("items", items);
                    }));
        }), body -> body));

        api.get("/events/:id/sheets/:code").handler(ctx -> respond(ctx, 200, () -> viewer(ctx).compose(viewer -> {
            String code = pathText(ctx, "code");
            Entry entry = viewer.entries().stream().filter(e -> e.entryCode().equals(code)).findFirst()
                    .orElseThrow(() -> new Problem(404, "NOT_FOUND", "该赛项没有参赛号 " + code + " / no entry " + code
                            + " in this event", null));
            String entryId = String.valueOf(entry.registrationId());
            if (viewer.jury()) {
                return live.view(viewer.facts().eventId(), new Projections.PanelMatrix()).map(json -> {
                    JsonObject matrix = new JsonObject(json);
                    JsonObject sheet = matrix.getJsonObject("entries").getJsonObject(entryId);
                    // signedOff: the head judge's sheet page offers no decision the server would refuse.
                    return entryView(viewer, entry).put("sheet", sheet).put("signedOff", matrix.getBoolean("signedOff"));
                });
            }
            requireJudge(viewer);
            String recusal = recused(viewer, entry);
            if (recusal != null) {
                throw new Problem(403, "RECUSED", recusal, null);
            }
            presence.touch(viewer.facts().eventId(), viewer.principal().accountId());
            return reviews.assignedTo(reviews.pool(), viewer.facts().eventId(), viewer.principal().accountId())
                    .compose(mineOnly -> {
                        if (mineOnly != null && !mineOnly.contains(entry.registrationId())) {
                            throw io.jiangxin.app.ReviewAssignments.notAssigned();
                        }
                        return live.view(viewer.facts().eventId(), new Projections.JudgeSheet(entryId,
                                String.valueOf(viewer.principal().accountId())));
                    })
                    .map(json -> entryView(viewer, entry).mergeIn(new JsonObject(json)));
        }), body -> body));

        api.get("/events/:id/matrix").handler(ctx -> respond(ctx, 200, () -> viewer(ctx).compose(viewer -> {
            requireJury(viewer);
            List<Long> judges = viewer.panel().stream().filter(m -> m.role() == PanelRole.JUDGE)
                    .map(PanelMember::accountId).toList();
            Future<String> matrix = live.view(viewer.facts().eventId(), new Projections.PanelMatrix());
            Future<Map<Long, Long>> online = presence.online(viewer.facts().eventId(), judges);
            return Future.all(matrix, online).map(done -> matrixView(viewer, new JsonObject(matrix.result()),
                    online.result()));
        }), body -> body));

        api.get("/events/:id/standings").handler(ctx -> respond(ctx, 200, () -> viewer(ctx).compose(viewer -> {
            if (!viewer.jury() && !viewer.arbiter()) {
                throw new Problem(403, "ROLE_NOT_ALLOWED", "评审结果仅供裁判长、组委会和仲裁组查看 / the jury standings are"
                        + " for the head judge, organizers and arbiters", null);
            }
            return live.view(viewer.facts().eventId(), new Projections.Standings()).map(json -> {
                JsonObject standings = new JsonObject(json);
                Map<String, Entry> byId = viewer.byId();
                for (Object row : standings.getJsonArray("rows")) {
                    JsonObject item = (JsonObject) row;
                    Entry entry = byId.get(item.getString("entryId"));
                    if (entry != null) {
                        item.mergeIn(entryView(viewer, entry));
                    }
                }
                return standings;
            });
        }), body -> body));

        api.get("/events/:id/appeals").handler(ctx -> respond(ctx, 200, () -> viewer(ctx).compose(viewer -> {
            requireJuryOrArbiter(viewer);
            return appeals.ofEvent(judging.pool(), viewer.facts().eventId()).map(list -> {
                JsonArray items = new JsonArray();
                list.forEach(a -> items.add(a.view()));
                return new JsonObject().put("items", items);
            });
        }), body -> body));

        api.get("/events/:id/audit").handler(ctx -> respond(ctx, 200, () -> viewer(ctx).compose(viewer -> {
            requireJuryOrArbiter(viewer);
            String code = queryText(ctx, "entryCode");
            Long registration = null;
            if (code != null) {
                registration = viewer.entries().stream().filter(e -> e.entryCode().equals(code)).findFirst()
                        .map(Entry::registrationId).orElse(-1L);
            }
            Map<String, Entry> byId = viewer.byId();
            return log.audit(judging.pool(), viewer.facts().eventId(), registration, queryId(ctx, "judgeId"),
                    queryId(ctx, "actorId"), page(ctx)).map(found -> {
                JsonArray items = new JsonArray();
                found.items().forEach(e -> items.add(auditView(e, byId)));
                return new JsonObject().put("items", items).put("total", found.total()).put("limit", found.limit())
                        .put("offset", found.offset());
            });
        }), body -> body));

        api.get("/events/:id/audit/verification").handler(ctx -> respond(ctx, 200, () -> viewer(ctx).compose(viewer -> {
            if (!viewer.organizer() && !viewer.arbiter()) {
                throw new Problem(403, "ROLE_NOT_ALLOWED", "只有组委会和仲裁组可以校验日志 / only organizers and arbiters"
                        + " verify the log", null);
            }
            PrintedAnchor anchor = PrintedAnchor.of(ctx);
            return log.readChain(judging.pool(), viewer.facts().eventId()).map(chain -> {
                List<io.jiangxin.judging.LogEntry> entries = chain.entries();
                var brokenAt = chain.firstBreak();
                if (brokenAt.isEmpty() && anchor != null) {
                    brokenAt = HashChain.anchorBreak(entries, anchor.seq(), anchor.hash());
                }
                JsonObject body = new JsonObject().put("eventId", viewer.facts().eventId()).put("records", entries.size())
                        .put("intact", brokenAt.isEmpty()).put("firstBreak", brokenAt.orElse(null))
                        .put("headSeq", chain.head().lastSeq()).put("headHash", chain.head().lastHash())
                        .put("lastHash", entries.isEmpty() ? "" : entries.get(entries.size() - 1).hash());
                if (anchor != null) {
                    body.put("anchor", new JsonObject().put("seq", anchor.seq()).put("hash", anchor.hash()));
                }
                return body;
            });
        }), body -> body));

        api.post("/events/:id/presence").handler(ctx -> respond(ctx, 200, () -> viewer(ctx).compose(viewer -> {
            if (viewer.role() == null) {
                throw new Problem(403, "NOT_ON_PANEL", "您不在该赛项的裁判组中 / you are not on this event's panel", null);
            }
            return presence.touch(viewer.facts().eventId(), viewer.principal().accountId());
        }), done -> new JsonObject().put("online", true)));
    }

    private Future<Viewer> viewer(RoutingContext ctx) {
        return viewer(judging, ctx);
    }

    static Future<Viewer> viewer(JudgingStore judging, RoutingContext ctx) {
        Principal who = Authentication.signedIn(ctx);
        long eventId = pathId(ctx, "id");
        return judging.facts(eventId).compose(facts -> Future.all(judging.panel(judging.pool(), eventId),
                        judging.entries(judging.pool(), eventId))
                .map(loaded -> {
                    List<PanelMember> panel = loaded.resultAt(0);
                    PanelRole role = panel.stream().filter(m -> m.accountId() == who.accountId())
                            .map(PanelMember::role).findFirst().orElse(null);
                    // organizers act for every contest; anyone else only for their own (workers have none)
                    boolean contestMember = who.is(AccountKind.ORGANIZER)
                            || Long.valueOf(facts.contestId()).equals(who.contestId());
                    if (!contestMember) {
                        throw new Problem(403, "NOT_THIS_CONTEST", "您的账号属于另一个竞赛 / your account belongs to another"
                                + " contest", null);
                    }
                    return new Viewer(who, facts, panel, role, loaded.resultAt(1));
                }));
    }

    private static void requireJudge(Viewer viewer) {
        if (viewer.role() != PanelRole.JUDGE) {
            throw new Problem(403, "NOT_ON_PANEL", "您不在该赛项的裁判组中 / you are not on this event's panel", null);
        }
    }

    /** The panel matrix, and the raw marks export, are for the event's head judge and organizers. */
    static void requireJury(Viewer viewer) {
        if (!viewer.jury()) {
            throw new Problem(403, "NOT_HEAD_JUDGE", "只有裁判长和组委会可以查看评分矩阵 / only the head judge and"
                    + " organizers see the panel matrix", null);
        }
    }

    static void requireJuryOrArbiter(Viewer viewer) {
        if (!viewer.jury() && !viewer.arbiter()) {
            throw new Problem(403, "ROLE_NOT_ALLOWED", "仅供裁判长、组委会和仲裁组查看 / for the head judge, organizers and"
                    + " arbiters only", null);
        }
    }

    /** Why this judge may not score the entry, or null. Declared conflicts are checked when they write. */
    private static String recused(Viewer viewer, Entry entry) {
        Long organization = viewer.principal().organizationId();
        if (organization != null && entry.organizationIds().contains(organization)) {
            return "您与该选手同单位，须回避 / you share an organization with this entry and are recused";
        }
        return null;
    }

    private static JsonObject entryView(Viewer viewer, Entry entry) {
        JsonObject view = new JsonObject().put("entryCode", entry.entryCode()).put("station", entry.station());
        if (viewer.namesVisible()) {
            view.put("entrant", entry.entrantName()).put("registrationId", entry.registrationId());
        }
        return view;
    }

    private static String judgeState(JsonObject mine) {
        if (mine == null) {
            return "NOT_STARTED";
        }
        if (mine.getBoolean("locked")) {
            return "LOCKED";
        }
        if (mine.getBoolean("awaitsRemark")) {
            return "NEEDS_REMARK";
        }
        long marked = mine.getLong("marked");
        if (marked == 0) {
            return "NOT_STARTED";
        }
        return marked >= mine.getLong("expected") ? "MARKED" : "PARTLY_MARKED";
    }

    private static JsonObject matrixView(Viewer viewer, JsonObject matrix, Map<Long, Long> online) {
        JsonArray judges = new JsonArray();
        viewer.panel().forEach(m -> judges.add(new JsonObject().put("accountId", m.accountId())
                .put("displayName", m.displayName()).put("role", m.role().name())
                .put("online", online.containsKey(m.accountId())).put("lastSeen", online.get(m.accountId()))));
        JsonArray entries = new JsonArray();
        JsonObject sheets = matrix.getJsonObject("entries");
        for (Entry entry : viewer.entries()) {
            JsonObject sheet = sheets.getJsonObject(String.valueOf(entry.registrationId()));
            JsonObject missing = new JsonObject();
            for (PanelMember member : viewer.panel()) {
                if (member.role() != PanelRole.JUDGE || (member.organizationId() != null
                        && entry.organizationIds().contains(member.organizationId()))) {
                    continue;
                }
                JsonArray notMarked = new JsonArray();
                if (sheet != null) {
                    sheet.getJsonObject("aspects").forEach(aspect -> {
                        JsonObject value = (JsonObject) aspect.getValue();
                        boolean judgesMark = !"DEDUCTION".equals(value.getString("type"))
                                && !"OVERRIDDEN".equals(value.getString("status"));
                        if (judgesMark && !value.getJsonObject("marks").containsKey(String.valueOf(member.accountId()))) {
                            notMarked.add(aspect.getKey());
                        }
                    });
                }
                if (sheet == null || !notMarked.isEmpty()) {
                    missing.put(String.valueOf(member.accountId()), sheet == null ? "ALL" : notMarked);
                }
            }
            entries.add(entryView(viewer, entry).put("sheet", sheet).put("missing", missing));
        }
        return new JsonObject().put("version", matrix.getLong("version")).put("signedOff", matrix.getBoolean("signedOff"))
                .put("judges", judges).put("entries", entries);
    }

    private static JsonObject auditView(LogEntry e, Map<String, Entry> byId) {
        Entry entry = e.registrationId() == null ? null : byId.get(String.valueOf(e.registrationId()));
        return new JsonObject().put("seq", e.seq()).put("kind", e.kind().name())
                .put("entryCode", entry == null ? null : entry.entryCode()).put("aspectId", e.aspectId())
                .put("judgeId", e.judgeId())
                .put("oldValue", e.oldValue() == null ? null : e.oldValue().toPlainString())
                .put("newValue", e.newValue() == null ? null : e.newValue().toPlainString())
                .put("detail", e.detail()).put("reason", e.reason()).put("payload", e.payload())
                .put("actorId", e.actorId()).put("actorRole", e.actorRole()).put("device", e.device())
                .put("address", e.address()).put("at", e.createdAt().toString()).put("prevHash", e.prevHash())
                .put("hash", e.hash());
    }
}
