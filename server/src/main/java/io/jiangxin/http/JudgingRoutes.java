package io.jiangxin.http;

import static io.jiangxin.http.Requests.address;
import static io.jiangxin.http.Requests.device;
import static io.jiangxin.http.Requests.idempotencyKey;
import static io.jiangxin.http.Requests.jsonBody;
import static io.jiangxin.http.Requests.pathId;
import static io.jiangxin.http.Requests.pathText;
import static io.jiangxin.http.Requests.requestHash;

import io.jiangxin.app.Appeals;
import io.jiangxin.app.Judging;
import io.jiangxin.auth.AccountKind;
import io.jiangxin.auth.Principal;
import io.jiangxin.judging.Actor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Writes to an event's score log: judges' marks, the head judge's decisions, sign-off and appeals. */
final class JudgingRoutes {

    static final int MAX_MARKS_PER_REQUEST = 200;
    static final int MAX_STATEMENT = 4000;

    private final Judging judging;
    private final Appeals appeals;

    JudgingRoutes(Judging judging, Appeals appeals) {
        this.judging = judging;
        this.appeals = appeals;
    }

    void mount(Router api) {
        api.post("/events/:id/sheets/:code/marks").handler(ctx -> Responses.respondOutcome(ctx, () -> {
            Principal judge = Authentication.require(ctx, AccountKind.JUDGE);
            JsonInput in = JsonInput.of(ctx, Set.of("marks"));
            List<Judging.MarkInput> marks = in.requiredObjects("marks", MAX_MARKS_PER_REQUEST, (path, mark) -> {
                JsonInput item = new JsonInput(mark, Set.of("aspectId", "value"));
                String aspect = item.requiredText("aspectId");
                BigDecimal value = item.requiredDecimal("value");
                item.problems().forEach(p -> in.error(path + "." + p.field(), p.reason()));
                return aspect == null || value == null ? null : new Judging.MarkInput(aspect, value);
            });
            in.check();
            return judging.submitMarks(judge, pathId(ctx, "id"), pathText(ctx, "code"), marks,
                    actor(ctx, judge, "JUDGE"), idempotencyKey(ctx), requestHash(ctx));
        }));
        api.post("/events/:id/sheets/:code/remarks").handler(ctx -> Responses.respondOutcome(ctx, () -> {
            Principal who = Authentication.signedIn(ctx);
            JsonInput in = JsonInput.of(ctx, Set.of("aspectId", "reason"));
            String aspect = in.requiredText("aspectId");
            String reason = in.requiredText("reason", MAX_STATEMENT);
            in.check();
            return judging.requestRemark(who, pathId(ctx, "id"), pathText(ctx, "code"), aspect, reason,
                    actor(ctx, who, "HEAD_JUDGE"), idempotencyKey(ctx), requestHash(ctx));
        }));
        api.post("/events/:id/sheets/:code/overrides").handler(ctx -> Responses.respondOutcome(ctx, () -> {
            Principal who = Authentication.signedIn(ctx);
            JsonInput in = JsonInput.of(ctx, Set.of("aspectId", "value", "reason"));
            String aspect = in.requiredText("aspectId");
            BigDecimal value = in.requiredDecimal("value");
            String reason = in.requiredText("reason", MAX_STATEMENT);
            in.check();
            return judging.override(who, pathId(ctx, "id"), pathText(ctx, "code"), aspect, value, reason,
                    actor(ctx, who, "HEAD_JUDGE"), idempotencyKey(ctx), requestHash(ctx));
        }));
        api.post("/events/:id/sheets/:code/violations").handler(ctx -> Responses.respondOutcome(ctx, () -> {
            Principal who = Authentication.signedIn(ctx);
            JsonInput in = JsonInput.of(ctx, Set.of("code", "count", "reason"));
            String code = in.requiredText("code");
            Integer count = in.requiredInt("count", 0, 100);
            String reason = in.requiredText("reason", MAX_STATEMENT);
            in.check();
            return judging.recordViolation(who, pathId(ctx, "id"), pathText(ctx, "code"), code, count, reason,
                    actor(ctx, who, "HEAD_JUDGE"), idempotencyKey(ctx), requestHash(ctx));
        }));
        api.post("/events/:id/sheets/:code/time").handler(ctx -> Responses.respondOutcome(ctx, () -> {
            Principal who = Authentication.signedIn(ctx);
            JsonInput in = JsonInput.of(ctx, Set.of("completionSeconds", "extraSeconds", "reason"));
            Integer completion = in.requiredInt("completionSeconds", 0, 7 * 24 * 3600);
            Integer extra = in.optionalInt("extraSeconds", 0, 24 * 3600);
            // A routine time needs no explanation; extra time is granted only for an equipment failure that was not
            // the competitor's fault, so a grant says why.
            String reason = in.optionalText("reason", MAX_STATEMENT);
            if (extra != null && extra > 0 && (reason == null || reason.isBlank()) && !in.hasError("reason")) {
                in.error("reason", "补时须说明原因（设备故障）/ extra time needs a reason (the equipment failure)");
            }
            in.check();
            return judging.recordTime(who, pathId(ctx, "id"), pathText(ctx, "code"), Duration.ofSeconds(completion),
                    Duration.ofSeconds(extra == null ? 0 : extra), reason, actor(ctx, who, "HEAD_JUDGE"),
                    idempotencyKey(ctx), requestHash(ctx));
        }));
        api.post("/events/:id/sheets/:code/lock").handler(ctx -> Responses.respondOutcome(ctx, () -> {
            Principal who = Authentication.signedIn(ctx);
            emptyOrObject(ctx);
            return judging.lock(who, pathId(ctx, "id"), pathText(ctx, "code"), actor(ctx, who, "HEAD_JUDGE"),
                    idempotencyKey(ctx), requestHash(ctx));
        }));
        api.post("/events/:id/sheets/:code/unlock").handler(ctx -> Responses.respondOutcome(ctx, () -> {
            Principal who = Authentication.signedIn(ctx);
            JsonInput in = JsonInput.of(ctx, Set.of("reason"));
            String reason = in.requiredText("reason", MAX_STATEMENT);
            in.check();
            return judging.unlock(who, pathId(ctx, "id"), pathText(ctx, "code"), reason,
                    actor(ctx, who, "HEAD_JUDGE"), idempotencyKey(ctx), requestHash(ctx));
        }));
        api.post("/events/:id/sign-off").handler(ctx -> Responses.respondOutcome(ctx, () -> {
            Principal who = Authentication.signedIn(ctx);
            emptyOrObject(ctx);
            return judging.signOff(who, pathId(ctx, "id"), actor(ctx, who, "HEAD_JUDGE"), idempotencyKey(ctx),
                    requestHash(ctx));
        }));
        api.post("/events/:id/appeals").handler(ctx -> Responses.respondOutcome(ctx, () -> {
            Principal who = Authentication.organizer(ctx);
            JsonInput in = JsonInput.of(ctx, Set.of("entryCode", "statement"));
            String entryCode = in.requiredText("entryCode");
            String statement = in.requiredText("statement", MAX_STATEMENT);
            in.check();
            return appeals.file(who, pathId(ctx, "id"), entryCode, statement, actor(ctx, who, "ORGANIZER"),
                    idempotencyKey(ctx), requestHash(ctx));
        }));
        api.post("/appeals/:id/decision").handler(ctx -> Responses.respondOutcome(ctx, () -> {
            Principal who = Authentication.require(ctx, AccountKind.ARBITER);
            JsonInput in = JsonInput.of(ctx, Set.of("outcome", "reopen", "reason"));
            Appeals.Outcome outcome = in.requiredEnum("outcome", Appeals.Outcome.class);
            List<String> reopen = in.optionalTexts("reopen", 100);
            String reason = in.requiredText("reason", MAX_STATEMENT);
            in.check();
            return appeals.decide(who, pathId(ctx, "id"), outcome, reopen, reason, actor(ctx, who, "ARBITER"),
                    idempotencyKey(ctx), requestHash(ctx));
        }));
    }

    private static Actor actor(RoutingContext ctx, Principal who, String role) {
        return new Actor(who.accountId(), role, device(ctx), address(ctx), RequestIds.of(ctx));
    }

    /** Commands without fields still take a JSON object body, or none at all. */
    private static void emptyOrObject(RoutingContext ctx) {
        if (ctx.body() != null && ctx.body().length() > 0) {
            JsonInput.of(ctx, Set.of()).check();
        }
    }
}
