package io.jiangxin.http;

import io.jiangxin.app.JudgingReads;
import io.jiangxin.judging.EventViewer;
import io.jiangxin.judging.EventEntry;
import io.jiangxin.judging.PanelMember;
import static io.jiangxin.http.Requests.page;
import static io.jiangxin.http.Requests.pathId;
import static io.jiangxin.http.Requests.pathText;
import static io.jiangxin.http.Requests.queryId;
import static io.jiangxin.http.Requests.queryText;
import static io.jiangxin.http.Responses.respond;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.auth.PanelRole;
import io.jiangxin.cluster.LiveEvents;
import io.jiangxin.cluster.Presence;
import io.jiangxin.cluster.Projections;
import io.jiangxin.judging.HashChain;
import io.jiangxin.judging.LogEntry;
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

    private final JudgingReads reads;
    private final LiveEvents live;
    private final Presence presence;

    JudgingViewRoutes(JudgingReads reads, LiveEvents live, Presence presence) {
        this.reads = reads;
        this.live = live;
        this.presence = presence;
    }

    void mount(Router api) {
        api.get("/events/:id/sheets").handler(ctx -> respond(ctx, 200, () -> viewer(ctx).compose(viewer -> {
            if (viewer.jury()) {
                return live.view(viewer.facts().eventId(), new Projections.PanelMatrix()).map(json -> {
                    JsonObject matrix = new JsonObject(json);
                    JsonArray items = new JsonArray();
                    for (EventEntry entry : viewer.entries()) {
                        JsonObject sheet = matrix.getJsonObject("entries").getJsonObject(
                                String.valueOf(entry.registrationId()));
                        items.add(entryView(viewer, entry).put("locked", sheet != null && sheet.getBoolean("locked"))
                                .put("total", sheet == null ? null : sheet.getString("total"))
                                .put("complete", sheet != null && sheet.getBoolean("complete")));
                    }
                    return new JsonObject().put("version", matrix.getLong("version")).put("items", items);
                });
            }
            viewer.requireJudge();
            long judgeId = viewer.principal().accountId();
            presence.touch(viewer.facts().eventId(), judgeId);
            // With a review assignment (document rounds) a judge lists only the entries assigned to them.
            Future<java.util.Set<Long>> assigned = reads.assignedTo(viewer.facts().eventId(), judgeId);
            return assigned.compose(mineOnly -> live.view(viewer.facts().eventId(),
                            new Projections.JudgeProgress(String.valueOf(judgeId)))
                    .map(json -> {
                        JsonObject progress = new JsonObject(json);
                        JsonArray items = new JsonArray();
                        for (EventEntry entry : viewer.entries()) {
                            if (viewer.recusal(entry) != null
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
            EventEntry entry = viewer.entries().stream().filter(e -> e.entryCode().equals(code)).findFirst()
                    .orElseThrow(() -> new Problem(ErrorCode.NOT_FOUND, "该赛项没有参赛号 " + code + " / no entry " + code
                            + " in this event"));
            String entryId = String.valueOf(entry.registrationId());
            if (viewer.jury()) {
                return live.view(viewer.facts().eventId(), new Projections.PanelMatrix()).map(json -> {
                    JsonObject matrix = new JsonObject(json);
                    JsonObject sheet = matrix.getJsonObject("entries").getJsonObject(entryId);
                    // signedOff: the head judge's sheet page offers no decision the server would refuse.
                    return entryView(viewer, entry).put("sheet", sheet).put("signedOff", matrix.getBoolean("signedOff"));
                });
            }
            viewer.requireJudge();
            String recusal = viewer.recusal(entry);
            if (recusal != null) {
                throw new Problem(ErrorCode.RECUSED, recusal);
            }
            presence.touch(viewer.facts().eventId(), viewer.principal().accountId());
            return reads.assignedTo(viewer.facts().eventId(), viewer.principal().accountId())
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
            viewer.requireJury();
            List<Long> judges = viewer.panel().stream().filter(m -> m.role() == PanelRole.JUDGE)
                    .map(PanelMember::accountId).toList();
            Future<String> matrix = live.view(viewer.facts().eventId(), new Projections.PanelMatrix());
            Future<Map<Long, Long>> online = presence.online(viewer.facts().eventId(), judges);
            return Future.all(matrix, online).map(done -> matrixView(viewer, new JsonObject(matrix.result()),
                    online.result()));
        }), body -> body));

        api.get("/events/:id/standings").handler(ctx -> respond(ctx, 200, () -> viewer(ctx).compose(viewer -> {
            if (!viewer.jury() && !viewer.arbiter()) {
                throw new Problem(ErrorCode.ROLE_NOT_ALLOWED, "评审结果仅供裁判长、组委会和仲裁组查看 / the jury standings are"
                        + " for the head judge, organizers and arbiters");
            }
            return live.view(viewer.facts().eventId(), new Projections.Standings()).map(json -> {
                JsonObject standings = new JsonObject(json);
                Map<String, EventEntry> byId = viewer.byId();
                for (Object row : standings.getJsonArray("rows")) {
                    JsonObject item = (JsonObject) row;
                    EventEntry entry = byId.get(item.getString("entryId"));
                    if (entry != null) {
                        item.mergeIn(entryView(viewer, entry));
                    }
                }
                return standings;
            });
        }), body -> body));

        api.get("/events/:id/appeals").handler(ctx -> respond(ctx, 200, () -> viewer(ctx).compose(viewer -> {
            viewer.requireJuryOrArbiter();
            return reads.appeals(viewer.facts().eventId()).map(list -> {
                JsonArray items = new JsonArray();
                list.forEach(items::add);
                return new JsonObject().put("items", items);
            });
        }), body -> body));

        api.get("/events/:id/audit").handler(ctx -> respond(ctx, 200, () -> viewer(ctx).compose(viewer -> {
            viewer.requireJuryOrArbiter();
            String code = queryText(ctx, "entryCode");
            Long registration = null;
            if (code != null) {
                registration = viewer.entries().stream().filter(e -> e.entryCode().equals(code)).findFirst()
                        .map(EventEntry::registrationId).orElse(-1L);
            }
            Map<String, EventEntry> byId = viewer.byId();
            return reads.audit(viewer.facts().eventId(), registration, queryId(ctx, "judgeId"),
                    queryId(ctx, "actorId"), page(ctx)).map(found -> {
                JsonArray items = new JsonArray();
                found.items().forEach(e -> items.add(auditView(e, byId)));
                return new JsonObject().put("items", items).put("total", found.total()).put("limit", found.limit())
                        .put("offset", found.offset());
            });
        }), body -> body));

        api.get("/events/:id/audit/verification").handler(ctx -> respond(ctx, 200, () -> viewer(ctx).compose(viewer -> {
            if (!viewer.organizer() && !viewer.arbiter()) {
                throw new Problem(ErrorCode.ROLE_NOT_ALLOWED, "只有组委会和仲裁组可以校验日志 / only organizers and arbiters"
                        + " verify the log");
            }
            PrintedAnchor anchor = PrintedAnchor.of(ctx);
            return reads.chain(viewer.facts().eventId()).map(chain -> {
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
                throw new Problem(ErrorCode.NOT_ON_PANEL, "您不在该赛项的裁判组中 / you are not on this event's panel");
            }
            return presence.touch(viewer.facts().eventId(), viewer.principal().accountId());
        }), done -> new JsonObject().put("online", true)));
    }

    private Future<EventViewer> viewer(RoutingContext ctx) {
        return viewer(reads, ctx);
    }

    static Future<EventViewer> viewer(JudgingReads reads, RoutingContext ctx) {
        return reads.viewer(Authentication.signedIn(ctx), pathId(ctx, "id"));
    }

    private static JsonObject entryView(EventViewer viewer, EventEntry entry) {
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

    private static JsonObject matrixView(EventViewer viewer, JsonObject matrix, Map<Long, Long> online) {
        JsonArray judges = new JsonArray();
        viewer.panel().forEach(m -> judges.add(new JsonObject().put("accountId", m.accountId())
                .put("displayName", m.displayName()).put("role", m.role().name())
                .put("online", online.containsKey(m.accountId())).put("lastSeen", online.get(m.accountId()))));
        JsonArray entries = new JsonArray();
        JsonObject sheets = matrix.getJsonObject("entries");
        for (EventEntry entry : viewer.entries()) {
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

    private static JsonObject auditView(LogEntry e, Map<String, EventEntry> byId) {
        EventEntry entry = e.registrationId() == null ? null : byId.get(String.valueOf(e.registrationId()));
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
