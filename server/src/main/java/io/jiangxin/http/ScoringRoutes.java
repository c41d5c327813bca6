package io.jiangxin.http;

import io.jiangxin.app.JudgingReads;
import io.jiangxin.judging.EventViewer;
import io.jiangxin.judging.PanelMember;
import static io.jiangxin.http.Responses.respond;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.cluster.LiveEvents;
import io.jiangxin.cluster.ScoringProjections;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * Checking the scoring from outside: each judge's consistency and bias (and the mean and spread normalisation
 * divides out) for the head judge and organizers, and the raw marks in {@code evaluate}'s format, so that
 * {@code evaluate} on {@code GET …/scheme} and {@code GET …/marks.json} gives the server's figures.
 */
final class ScoringRoutes {

    private final JudgingReads reads;
    private final LiveEvents live;

    ScoringRoutes(JudgingReads reads, LiveEvents live) {
        this.reads = reads;
        this.live = live;
    }

    void mount(Router api) {
        api.get("/events/:id/judge-consistency").handler(ctx -> respond(ctx, 200, () ->
                JudgingViewRoutes.viewer(reads, ctx).compose(viewer -> {
                    requireHeadJudgeOrOrganizer(viewer);
                    requireScheme(viewer);
                    return live.view(viewer.facts().eventId(), new ScoringProjections.JudgeFigures()).map(json -> {
                        JsonObject figures = new JsonObject(json);
                        JsonObject byJudge = figures.getJsonObject("judges");
                        JsonArray judges = new JsonArray();
                        // Panel order, judges who have not marked yet included, so nobody is missing from the list.
                        for (PanelMember member : viewer.panel()) {
                            JsonObject own = byJudge.getJsonObject(String.valueOf(member.accountId()));
                            judges.add(new JsonObject().put("accountId", member.accountId())
                                    .put("displayName", member.displayName()).put("role", member.role().name())
                                    .mergeIn(own == null ? new JsonObject().put("aspectCount", 0) : own));
                        }
                        return figures.put("judges", judges);
                    });
                }), body -> body));
        api.get("/events/:id/marks.json").handler(ctx -> respond(ctx, 200, () ->
                JudgingViewRoutes.viewer(reads, ctx).compose(viewer -> {
                    requireHeadJudgeOrOrganizer(viewer);
                    if (viewer.facts().training() && !viewer.organizer()) {
                        throw new Problem(ErrorCode.PRIVATE_RESULTS, "培训考核的评分仅供组委会导出 / a training"
                                + " assessment's marks are exported by organizers only");
                    }
                    requireScheme(viewer);
                    return live.view(viewer.facts().eventId(), new ScoringProjections.MarksFile())
                            .map(JsonObject::new);
                }), body -> body));
    }

    private static void requireHeadJudgeOrOrganizer(EventViewer viewer) {
        if (!viewer.jury()) {
            throw new Problem(ErrorCode.NOT_HEAD_JUDGE, "仅供裁判长和组委会查看 / for the head judge and organizers only");
        }
    }

    private static void requireScheme(EventViewer viewer) {
        if (viewer.facts().schemeJson() == null) {
            throw Problem.noScheme();
        }
    }
}
