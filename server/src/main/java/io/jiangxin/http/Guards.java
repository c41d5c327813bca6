package io.jiangxin.http;

import io.vertx.ext.web.RoutingContext;

/** Route guards that run before a handler, so a refused request never reaches it. */
final class Guards {

    private Guards() {
    }

    /** Only organizers write the registry and read people's personal data. */
    static void organizer(RoutingContext ctx) {
        try {
            Authentication.organizer(ctx);
        } catch (RuntimeException refused) {
            Responses.error(ctx, refused);
            return;
        }
        ctx.next();
    }
}
