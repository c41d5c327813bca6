package io.jiangxin.http;

import io.jiangxin.problem.ErrorCode;
import static io.jiangxin.http.Requests.jsonBody;
import static io.jiangxin.http.Requests.pathId;

import io.jiangxin.app.PersonalData;
import io.jiangxin.auth.Principal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * Personal data (docs/privacy.md), organizers only, each action audited with its reason: the contest's people with
 * full ID numbers, a person's record (JSON, xlsx), an erasure request, and the list of these actions.
 */
final class PersonalDataRoutes {

    static final int MAX_REASON = 500;
    private final PersonalData personalData;

    PersonalDataRoutes(PersonalData personalData) {
        this.personalData = personalData;
    }

    void mount(Router api) {
        api.post("/contests/:id/personal-data-exports").handler(Guards::organizer).handler(ctx -> {
            Principal who = Authentication.organizer(ctx);
            long contestId;
            String reason;
            try {
                contestId = pathId(ctx, "id");
                reason = reason(ctx);
            } catch (RuntimeException refused) {
                Responses.error(ctx, refused);
                return;
            }
            ExportRoutes.deliver(ctx, "contest-people-full-id", () ->
                    personalData.fullIdExport(contestId, who, reason, RequestIds.of(ctx)));
        });
        api.get("/people/:id/personal-data").handler(Guards::organizer).handler(ctx -> Responses.respond(ctx, 200,
                () -> personalData.personRecord(pathId(ctx, "id"), Authentication.organizer(ctx), RequestIds.of(ctx)),
                exported -> exported.record().copy().put("auditId", exported.auditId())));
        api.get("/people/:id/personal-data.xlsx").handler(Guards::organizer).handler(ctx -> ExportRoutes.deliver(ctx,
                "personal-data", () -> personalData.personRecord(pathId(ctx, "id"), Authentication.organizer(ctx),
                        RequestIds.of(ctx)).map(PersonalData.Exported::workbook)));
        api.post("/people/:id/erasure").handler(Guards::organizer).handler(ctx -> Responses.respond(ctx, 200, () -> {
            long personId = pathId(ctx, "id");
            String reason = reason(ctx);
            return personalData.erase(personId, Authentication.organizer(ctx), reason, RequestIds.of(ctx));
        }, body -> body));
        api.get("/personal-data-actions").handler(Guards::organizer).handler(ctx -> Responses.respond(ctx, 200,
                () -> personalData.actions(500), items -> new io.vertx.core.json.JsonObject().put("items", items)));
    }

    /** The reason an organizer gives for an action on personal data: required, 2–500 characters. */
    private static String reason(RoutingContext ctx) {
        JsonInput in = JsonInput.of(ctx, Set.of("reason"));
        String reason = in.requiredText("reason", MAX_REASON);
        in.check();
        if (reason.codePointCount(0, reason.length()) < 2) {
            throw new io.jiangxin.problem.Problem(ErrorCode.REASON_TOO_SHORT,
                    "请写明事由（至少 2 个字）/ give a reason of at least 2 characters");
        }
        return reason;
    }
}
