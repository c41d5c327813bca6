package io.jiangxin.http;

import static io.jiangxin.http.Requests.pathId;
import static io.jiangxin.http.Requests.pathText;
import static io.jiangxin.http.Responses.respond;

import io.jiangxin.app.Entries;
import io.jiangxin.app.Problem;
import io.jiangxin.auth.AccountKind;
import io.jiangxin.auth.Principal;
import io.jiangxin.judging.BoardView;
import io.jiangxin.push.BoardReads;
import io.jiangxin.storage.JudgingStore;
import io.jiangxin.storage.RoadshowStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * The two reads the innovation screens need beyond the entry routes: a judge's console opens an entry by the code on
 * its sheet (the judge never learns registration ids), and the hall screen's 路演 mode shows each entry's title, and
 * who presents it once the board may say whose entries they are.
 */
final class InnovationScreenRoutes {

    private final Entries entries;
    private final JudgingStore judging;
    private final BoardReads boards;
    private final RoadshowStore roadshow;

    InnovationScreenRoutes(Entries entries, JudgingStore judging, BoardReads boards, RoadshowStore roadshow) {
        this.entries = entries;
        this.judging = judging;
        this.boards = boards;
        this.roadshow = roadshow;
    }

    void mount(Router api) {
        api.get("/events/:id/entries/:code").handler(ctx -> respond(ctx, 200, () -> {
            Principal who = Authentication.signedIn(ctx);
            long eventId = pathId(ctx, "id");
            String code = pathText(ctx, "code");
            return innovation(eventId).compose(facts -> judging.entry(judging.pool(), eventId, code))
                    .compose(entry -> {
                        // As the sheets do: a judge never opens an entry of their own enterprise.
                        if (who.is(AccountKind.JUDGE) && who.organizationId() != null
                                && entry.organizationIds().contains(who.organizationId())) {
                            throw new Problem(403, "RECUSED", "您与该成果的完成人同单位，须回避 / you share an"
                                    + " organization with this entry and are recused", null);
                        }
                        return entries.view(who, entry.registrationId());
                    });
        }, body -> body));
        api.get("/events/:id/roadshow").handler(ctx -> respond(ctx, 200, () -> {
            long eventId = pathId(ctx, "id");
            return innovation(eventId).compose(facts -> boards.board(eventId, BoardView.PUBLIC, -1, null))
                    .compose(board -> roadshow.lines(eventId).map(lines -> {
                        // Whose entry it is may be said once the public board says it (signed off and not held by a
                        // freeze), or when the organizer lets the board say it early (a 决赛 presented on stage).
                        boolean namesPublic = board.getBoolean("showTeamsBeforeNames", false)
                                || (board.getBoolean("signedOff", false) && !board.getBoolean("frozen", false));
                        JsonArray items = new JsonArray();
                        for (RoadshowStore.Line line : lines) {
                            JsonObject item = line.json(namesPublic);
                            if (line.kind() != null) {
                                Entries.Kind kind = Entries.Kind.valueOf(line.kind());
                                item.put("kindLabel", kind.labelZh()).put("kindLabelEn", kind.labelEn());
                            }
                            items.add(item);
                        }
                        return new JsonObject().put("eventId", eventId).put("namesPublic", namesPublic)
                                .put("items", items);
                    }));
        }, body -> body));
    }

    /** The event's facts when it belongs to an innovation contest; 404 otherwise, as it has no entry content. */
    private Future<JudgingStore.EventFacts> innovation(long eventId) {
        return judging.facts(eventId).map(facts -> {
            if (!"INNOVATION".equals(facts.contestKind())) {
                throw new Problem(404, "NOT_INNOVATION", "该赛项不是创新创效赛项，没有成果材料 / this event is not part of an"
                        + " innovation contest and has no entry content", null);
            }
            return facts;
        });
    }
}
