package io.jiangxin.http;

import static io.jiangxin.http.Requests.jsonBody;
import static io.jiangxin.http.Requests.pathId;
import static io.jiangxin.http.Responses.respond;

import io.jiangxin.app.Publications;
import io.jiangxin.app.PublishedResults;
import io.jiangxin.auth.AccountKind;
import io.jiangxin.auth.Principal;
import io.jiangxin.results.Publication;
import io.vertx.ext.web.Router;
import java.util.Set;

/** Publication (公示) of an event's results, and the results as the public, organizers and the jury read them. */
final class PublicationRoutes {

    private final Publications publications;
    private final PublishedResults results;

    PublicationRoutes(Publications publications, PublishedResults results) {
        this.publications = publications;
        this.results = results;
    }

    void mount(Router api) {
        api.post("/events/:id/publication").handler(ctx -> respond(ctx, 201, () -> {
            Principal who = Authentication.organizer(ctx);
            long eventId = pathId(ctx, "id");
            JsonInput in = JsonInput.of(ctx, Set.of("noticeHours"));
            Integer hours = in.requiredInt("noticeHours", Publication.MIN_NOTICE_HOURS, Publication.MAX_NOTICE_HOURS);
            in.check();
            return publications.publish(who, eventId, hours);
        }, status -> ResultViews.publication(status, publications.clock().instant(), true)));
        api.get("/events/:id/publication").handler(ctx -> {
            Principal who = ctx.get(Authentication.PRINCIPAL);
            respond(ctx, 200, () -> publications.status(who, pathId(ctx, "id")),
                    status -> ResultViews.publication(status, publications.clock().instant(), organizer(who)));
        });
        api.get("/events/:id/results").handler(ctx -> respond(ctx, 200,
                () -> results.event(ctx.get(Authentication.PRINCIPAL), pathId(ctx, "id")),
                view -> ResultViews.event(view, publications.clock().instant())));
        api.get("/contests/:id/results").handler(ctx -> respond(ctx, 200,
                () -> results.contest(ctx.get(Authentication.PRINCIPAL), pathId(ctx, "id")),
                view -> ResultViews.contest(view, publications.clock().instant())));
    }

    private static boolean organizer(Principal who) {
        return who != null && who.is(AccountKind.ORGANIZER);
    }
}
