package io.jiangxin.http;

import static io.jiangxin.http.Requests.jsonBody;
import static io.jiangxin.http.Requests.pathId;
import static io.jiangxin.http.Responses.respond;

import io.jiangxin.app.ReviewAssignments;
import io.jiangxin.auth.Principal;
import io.vertx.ext.web.Router;
import java.util.Set;

/**
 * 网评分配: the organizer assigns a document round's entries to k judges each from a seed and reassigns a dropped
 * judge's unmarked entries; the head judge and organizers read the assignment and the progress; anyone re-runs the
 * recorded runs from their seeds.
 */
final class ReviewRoutes {

    static final int MAX_SEED = 200;
    static final int MAX_K = 50;

    private final ReviewAssignments reviews;
    private final io.jiangxin.app.Advancements advancements;

    ReviewRoutes(ReviewAssignments reviews, io.jiangxin.app.Advancements advancements) {
        this.reviews = reviews;
        this.advancements = advancements;
    }

    void mount(Router api) {
        api.post("/events/:id/review-assignments").handler(ctx -> respond(ctx, 201, () -> {
            Principal who = Authentication.organizer(ctx);
            long eventId = pathId(ctx, "id");
            JsonInput in = JsonInput.of(ctx, Set.of("k", "seed"));
            Integer k = in.requiredInt("k", 1, MAX_K);
            String seed = in.optionalText("seed", MAX_SEED);
            in.check();
            return reviews.assign(who, eventId, k, seed);
        }, body -> body));
        api.post("/events/:id/review-assignments/reassignments").handler(ctx -> respond(ctx, 201, () -> {
            Principal who = Authentication.organizer(ctx);
            long eventId = pathId(ctx, "id");
            JsonInput in = JsonInput.of(ctx, Set.of("accountId", "seed"));
            Long accountId = in.requiredId("accountId");
            String seed = in.optionalText("seed", MAX_SEED);
            in.check();
            return reviews.reassign(who, eventId, accountId, seed);
        }, body -> body));
        api.get("/events/:id/review-assignments").handler(ctx -> respond(ctx, 200,
                () -> reviews.view(Authentication.signedIn(ctx), pathId(ctx, "id")), body -> body));
        api.get("/events/:id/review-assignments/verification").handler(ctx -> respond(ctx, 200,
                () -> reviews.verify(pathId(ctx, "id")), body -> body));
        // 晋级 / 推荐晋级: the scheme's advancement rule applied, into the next round or another contest's event.
        api.post("/events/:id/advancement").handler(ctx -> respond(ctx, 201, () -> {
            Principal who = Authentication.organizer(ctx);
            JsonInput in = JsonInput.of(ctx, Set.of("toEventId"));
            Long to = in.requiredId("toEventId");
            in.check();
            return advancements.advance(who, pathId(ctx, "id"), to);
        }, body -> body));
        api.get("/events/:id/advancement").handler(ctx -> respond(ctx, 200,
                () -> advancements.list(Authentication.signedIn(ctx), pathId(ctx, "id")), body -> body));
        api.get("/events/:id/review-progress").handler(ctx -> respond(ctx, 200,
                () -> reviews.progress(Authentication.signedIn(ctx), pathId(ctx, "id")), body -> body));
    }
}
