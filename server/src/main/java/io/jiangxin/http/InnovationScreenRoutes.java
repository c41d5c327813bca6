package io.jiangxin.http;

import static io.jiangxin.http.Requests.pathId;
import static io.jiangxin.http.Requests.pathText;
import static io.jiangxin.http.Responses.respond;

import io.jiangxin.app.InnovationScreens;
import io.jiangxin.judging.BoardView;
import io.jiangxin.push.BoardReads;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * The two reads the innovation screens need beyond the entry routes: a judge's console opens an entry by the code on
 * its sheet, and the hall screen's 路演 mode shows each entry's title, and who presents it once the board may say
 * whose entries they are.
 */
final class InnovationScreenRoutes {

    private final InnovationScreens screens;
    private final BoardReads boards;

    InnovationScreenRoutes(InnovationScreens screens, BoardReads boards) {
        this.screens = screens;
        this.boards = boards;
    }

    void mount(Router api) {
        api.get("/events/:id/entries/:code").handler(ctx -> respond(ctx, 200, () -> screens.entryByCode(
                Authentication.signedIn(ctx), pathId(ctx, "id"), pathText(ctx, "code")), body -> body));
        api.get("/events/:id/roadshow").handler(ctx -> respond(ctx, 200, () -> {
            long eventId = pathId(ctx, "id");
            return screens.innovation(eventId).compose(facts -> boards.board(eventId, BoardView.PUBLIC, -1, null))
                    .compose(board -> {
                        // Whose entry it is may be said once the public board says it (signed off and not held by a
                        // freeze), or when the organizer lets the board say it early (a 决赛 presented on stage).
                        boolean namesPublic = board.getBoolean("showTeamsBeforeNames", false)
                                || (board.getBoolean("signedOff", false) && !board.getBoolean("frozen", false));
                        return screens.programme(eventId, namesPublic).map(items -> new JsonObject()
                                .put("eventId", eventId).put("namesPublic", namesPublic).put("items", items));
                    });
        }, body -> body));
    }
}
