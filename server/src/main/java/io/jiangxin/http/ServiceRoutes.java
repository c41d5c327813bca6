package io.jiangxin.http;

import io.jiangxin.auth.IssuedAccount;
import static io.jiangxin.http.Requests.jsonBody;
import static io.jiangxin.http.Requests.strictJsonBody;
import static io.jiangxin.http.Requests.pathId;
import static io.jiangxin.http.Responses.respond;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.app.ServiceFiles;
import io.jiangxin.app.ServicePlatform;
import io.jiangxin.app.ServicePlatform.ActionInput;
import io.jiangxin.app.ServicePlatform.Actor;
import io.jiangxin.app.ServiceViews;
import io.jiangxin.auth.AccountKind;
import io.jiangxin.registry.FieldError;
import io.jiangxin.service.NeedAction;
import io.jiangxin.service.NeedKind;
import io.jiangxin.service.NeedState;
import io.jiangxin.service.OrderAction;
import io.jiangxin.service.OrderState;
import io.jiangxin.service.ServiceMode;
import io.jiangxin.service.ServiceReport;
import io.jiangxin.service.Urgency;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * 劳模工匠助企行 under /api/service: platforms (organizers), the union's lists, needs, dispatch, orders, the dashboard
 * and the published cases. Each route reads and checks its input here and leaves who-may-see-what to
 * {@link ServicePlatform}, which resolves the signed-in account to its platform and role.
 */
final class ServiceRoutes {

    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_ATTACHMENTS = 9;
    static final int MAX_ATTACHMENT_LENGTH = 500;

    static final String NEED_FILES = "/service/needs/:id/files";
    static final String ORDER_FILES = "/service/orders/:id/files";

    private final ServicePlatform platform;
    private final ServiceFiles files;

    ServiceRoutes(ServicePlatform platform) {
        this.platform = platform;
        this.files = new ServiceFiles(platform);
    }

    /** Runs before the API's body handler: uploads are refused on type or declared size before the body is read. */
    static void mountBodyHandler(Router api) {
        FileTransfer.mountBodyHandler(api, NEED_FILES);
        FileTransfer.mountBodyHandler(api, ORDER_FILES);
    }

    void mount(Router api) {
        // organizers open a platform for a union and issue its staff's codes
        api.post("/service/platforms").handler(Guards::organizer).handler(ctx -> respond(ctx, 201, () -> {
            JsonInput in = JsonInput.of(ctx, Set.of("name", "region", "union", "chains"));
            String name = in.requiredText("name");
            String region = in.requiredText("region", 64);
            String union = in.requiredText("union");
            List<String> chains = in.optionalTexts("chains", 50);
            if (chains.size() != Set.copyOf(chains).size()) {
                in.error("chains", "产业链名称重复 / duplicate chain names");
            }
            in.check();
            return platform.createPlatform(name, region, union, chains);
        }, json -> json));
        api.get("/service/platforms/:id").handler(ctx -> respond(ctx, 200, () -> platform.platform(
                Authentication.signedIn(ctx), pathId(ctx, "id")), json -> json));
        api.post("/service/platforms/:id/staff").handler(Guards::organizer).handler(ctx -> respond(ctx, 201, () -> {
            JsonInput in = JsonInput.of(ctx, Set.of("displayName"));
            String name = in.requiredText("displayName");
            in.check();
            return platform.issueStaff(pathId(ctx, "id"), name);
        }, ServiceRoutes::issued));

        // the union's lists
        api.post("/service/chains").handler(ctx -> staff(ctx, 201, a -> {
            JsonInput in = JsonInput.of(ctx, Set.of("name"));
            String name = in.requiredText("name", 64);
            in.check();
            return platform.addChain(a, name);
        }));
        api.post("/service/teams").handler(ctx -> staff(ctx, 201, a -> {
            JsonInput in = JsonInput.of(ctx, Set.of("name", "chainId", "region"));
            String name = in.requiredText("name", 64);
            Long chainId = in.optionalId("chainId");
            String region = in.optionalText("region", 64);
            in.check();
            return platform.addTeam(a, name, chainId, region);
        }));
        api.post("/service/enterprises").handler(ctx -> staff(ctx, 201, a -> {
            JsonInput in = JsonInput.of(ctx, Set.of("organizationId", "name", "creditCode", "chainId",
                    "region", "contactName", "phone"));
            Long organizationId = in.optionalId("organizationId");
            String name = in.optionalText("name");
            String creditCode = in.optionalText("creditCode", 18);
            Long chainId = in.requiredId("chainId");
            String region = in.requiredText("region", 64);
            String contact = in.optionalText("contactName", 64);
            String phone = in.optionalText("phone", 20);
            if (phone != null && !phone.matches("[0-9+\\- ]{5,20}")) {
                in.error("phone", "电话号码格式无效 / not a phone number");
            }
            if ((organizationId == null) == (name == null)) {
                in.error("organizationId", "须给出 organizationId 或 name 之一 / give exactly one of organizationId and name");
            }
            in.check();
            return platform.registerEnterprise(a, organizationId, name, creditCode, chainId, region, contact, phone);
        }));
        api.get("/service/enterprises").handler(ctx -> staff(ctx, 200, platform::enterprises));
        api.get("/service/enterprises/:id").handler(ctx -> acting(ctx, 200,
                a -> platform.enterpriseFile(a, pathId(ctx, "id"))));
        api.post("/service/enterprises/:id/contacts").handler(ctx -> respond(ctx, 201, () -> {
            JsonInput in = JsonInput.of(ctx, Set.of("displayName"));
            String name = in.requiredText("displayName", 64);
            in.check();
            long id = pathId(ctx, "id");
            return actor(ctx).compose(a -> platform.issueContact(a, id, name));
        }, ServiceRoutes::issued));
        api.put("/service/experts/:personId").handler(ctx -> staff(ctx, 200, a -> {
            JsonObject body = strictJsonBody(ctx);
            JsonInput in = JsonInput.of(ctx, Set.of("teamId", "chainIds", "trades", "specialties", "honours",
                    "region", "available", "capacity"));
            Long teamId = in.optionalId("teamId");
            List<Long> chains = in.requiredIds("chainIds");
            List<String> trades = in.optionalTexts("trades", 10);
            List<String> specialties = in.optionalTexts("specialties", 20);
            List<String> honours = in.optionalTexts("honours", 10);
            String region = in.requiredText("region", 64);
            Object available = body.getValue("available");
            if (available != null && !(available instanceof Boolean)) {
                in.error("available", "须为 true 或 false / must be true or false");
            }
            Integer capacity = in.optionalInt("capacity", 1, 20);
            if (chains.isEmpty() && in.problems().stream().noneMatch(p -> p.field().startsWith("chainIds"))) {
                in.error("chainIds", "至少一条产业链 / at least one chain");
            }
            in.check();
            return platform.listExpert(a, pathId(ctx, "personId"), teamId, List.copyOf(new java.util.LinkedHashSet<>(chains)),
                    trades, specialties, honours, region, available == null || (Boolean) available,
                    capacity == null ? 3 : capacity);
        }));
        api.get("/service/experts").handler(ctx -> staff(ctx, 200, a -> platform.experts(a,
                Requests.queryId(ctx, "chainId"), Requests.queryId(ctx, "teamId"), Requests.queryText(ctx, "region"),
                Requests.queryText(ctx, "honour"), queryBoolean(ctx, "available"), Requests.queryText(ctx, "q"))));
        api.get("/service/people").handler(ctx -> staff(ctx, 200, a -> {
            String q = Requests.queryText(ctx, "q");
            if (q == null) {
                throw new Problem(ErrorCode.INVALID_QUERY, "查询参数无效 / invalid query parameter",
                        List.of(new FieldError("q", "必填 / required")));
            }
            return platform.people(a, q);
        }));
        api.post("/service/experts/:personId/account").handler(ctx -> respond(ctx, 201, () -> actor(ctx)
                .compose(a -> platform.issueCraftsman(a, pathId(ctx, "personId"))), w -> issued(w.issued())
                .put("reissued", w.reissued())));

        // needs
        // a phone may retry a publish: with an Idempotency-Key the retry answers the first need (replayed)
        api.post("/service/needs").handler(ctx -> Responses.respondOutcome(ctx, () -> {
            ServicePlatform.NeedDraft draft = needDraft(ctx);
            String key = ctx.request().getHeader("Idempotency-Key") == null ? null : Requests.idempotencyKey(ctx);
            String hash = Requests.requestHash(ctx);
            return actor(ctx).compose(a -> platform.publish(a, draft, key, hash));
        }));
        // uploaded photos, drawings and documents (raw body, ?fileName=), streamed back with their checksum
        api.post(NEED_FILES).handler(ctx -> acting(ctx, 201, a -> files.uploadToNeed(a, pathId(ctx, "id"),
                FileTransfer.fileName(ctx), FileTransfer.mediaType(ctx), FileTransfer.body(ctx))));
        api.post(ORDER_FILES).handler(ctx -> acting(ctx, 201, a -> files.uploadToOrder(a, pathId(ctx, "id"),
                FileTransfer.fileName(ctx), FileTransfer.mediaType(ctx), FileTransfer.body(ctx))));
        api.get("/service/files/:fileId").handler(ctx -> FileTransfer.download(ctx, () -> actor(ctx)
                .compose(a -> files.document(a, pathId(ctx, "fileId")))
                .map(f -> new FileTransfer.Meta(f.id(), f.fileName(), f.contentType(), f.size(), f.sha256())),
                files::chunk));
        api.get("/service/needs").handler(ctx -> acting(ctx, 200, a -> platform.needs(a,
                Requests.queryEnum(ctx, "state", NeedState.class))));
        api.get("/service/needs/:id").handler(ctx -> acting(ctx, 200, a -> platform.need(a, pathId(ctx, "id"))));
        api.post("/service/needs/:id/review").handler(ctx -> acting(ctx, 200, a -> {
            JsonInput in = JsonInput.of(ctx, Set.of("decision", "reason"));
            String decision = in.requiredText("decision", 10);
            NeedAction action = null;
            if (decision != null) {
                action = switch (decision) {
                    case "ACCEPT" -> NeedAction.ACCEPT;
                    case "RETURN" -> NeedAction.RETURN;
                    case "REJECT" -> NeedAction.REJECT;
                    default -> {
                        in.error("decision", "须为 ACCEPT、RETURN 或 REJECT / must be ACCEPT, RETURN or REJECT");
                        yield null;
                    }
                };
            }
            String reason = in.optionalText("reason", 500);
            in.check();
            return platform.review(a, pathId(ctx, "id"), action, reason);
        }));
        api.post("/service/needs/:id/resubmit").handler(ctx -> acting(ctx, 200, a -> {
            JsonInput in = JsonInput.of(ctx, Set.of("description"));
            String description = in.optionalText("description", MAX_DESCRIPTION);
            in.check();
            return platform.resubmit(a, pathId(ctx, "id"), description);
        }));
        api.get("/service/needs/:id/suggestions").handler(ctx -> acting(ctx, 200, a -> {
            Integer limit = Requests.queryInt(ctx, "limit", 1, 50);
            return platform.match(a, pathId(ctx, "id"), limit == null ? 10 : limit).map(ServiceViews::suggestions);
        }));
        api.post("/service/needs/:id/dispatch").handler(ctx -> acting(ctx, 201, a -> {
            JsonInput in = JsonInput.of(ctx, Set.of("personId", "teamId", "dueOn"));
            Long personId = in.optionalId("personId");
            Long teamId = in.optionalId("teamId");
            LocalDate dueOn = date(in, strictJsonBody(ctx), "dueOn", false);
            if ((personId == null) == (teamId == null) && in.problems().isEmpty()) {
                in.error("personId", "须指定 personId 或 teamId 之一 / give exactly one of personId and teamId");
            }
            in.check();
            return platform.dispatch(a, pathId(ctx, "id"), personId, teamId, dueOn);
        }));

        // orders
        api.get("/service/orders").handler(ctx -> acting(ctx, 200, a -> platform.orders(a,
                Requests.queryEnum(ctx, "state", OrderState.class))));
        api.get("/service/orders/:id").handler(ctx -> acting(ctx, 200, a -> platform.order(a, pathId(ctx, "id"))));
        api.post("/service/orders/:id/accept").handler(ctx -> orderAction(ctx, OrderAction.TAKE, in -> {
            return ActionInput.reason(null);
        }, Set.of()));
        api.post("/service/orders/:id/decline").handler(ctx -> orderAction(ctx, OrderAction.DECLINE, in ->
                ActionInput.reason(in.optionalText("reason", 500)), Set.of("reason")));
        api.post("/service/orders/:id/schedule").handler(ctx -> orderAction(ctx, OrderAction.SCHEDULE, in -> {
            LocalDate on = date(in, strictJsonBody(ctx), "date", true);
            return new ActionInput(null, on, null, null, null);
        }, Set.of("date")));
        api.post("/service/orders/:id/record").handler(ctx -> orderAction(ctx, OrderAction.RECORD,
                in -> new ActionInput(null, null, report(in, strictJsonBody(ctx)), null, null),
                Set.of("servedOn", "hours", "mode", "workersTrained", "problemsSolved", "efficiency", "moneySaved",
                        "summary", "photos")));
        api.post("/service/orders/:id/confirm").handler(ctx -> orderAction(ctx, OrderAction.CONFIRM, in -> {
            Integer satisfaction = in.requiredInt("satisfaction", 1, 5);
            String comment = in.optionalText("comment", 1000);
            return new ActionInput(null, null, null, satisfaction, comment);
        }, Set.of("satisfaction", "comment")));
        api.post("/service/orders/:id/reopen").handler(ctx -> orderAction(ctx, OrderAction.REOPEN, in ->
                ActionInput.reason(in.optionalText("reason", 500)), Set.of("reason")));
        api.post("/service/orders/:id/annul").handler(ctx -> orderAction(ctx, OrderAction.ANNUL, in ->
                ActionInput.reason(in.optionalText("reason", 500)), Set.of("reason")));
        api.post("/service/orders/:id/case").handler(ctx -> acting(ctx, 200, a -> {
            JsonObject body = strictJsonBody(ctx);
            JsonInput in = JsonInput.of(ctx, Set.of("published"));
            if (!(body.getValue("published") instanceof Boolean)) {
                in.error("published", "须为 true 或 false / must be true or false");
            }
            in.check();
            return platform.publishCase(a, pathId(ctx, "id"), body.getBoolean("published"));
        }));

        // monitoring
        api.get("/service/dashboard").handler(ctx -> acting(ctx, 200, a -> {
            Integer year = Requests.queryInt(ctx, "year", 2000, 2100);
            return platform.dashboard(a, year == null ? LocalDate.now(io.jiangxin.app.ladder.LadderCalendar.ZONE).getYear()
                    : year).map(ServiceViews::dashboard);
        }));
        api.get("/service/cases.xlsx").handler(ctx -> ExportRoutes.deliver(ctx, "service-cases", () -> {
            int[] quarter = quarter(ctx);
            return actor(ctx).compose(a -> platform.casesWorkbook(a, quarter[0], quarter[1]));
        }));
        // the public reads the cases a union published; nothing else of the platform
        api.get("/service/platforms/:id/cases").handler(ctx -> respond(ctx, 200, () -> {
            int[] quarter = quarter(ctx);
            long id = pathId(ctx, "id");
            return platform.publishedCases(id, quarter[0], quarter[1]);
        }, list -> {
            JsonArray items = new JsonArray();
            list.forEach(o -> items.add(ServiceViews.publicCase(o)));
            return new JsonObject().put("items", items);
        }));
    }

    // ---------------------------------------------------------------- helpers

    private Future<Actor> actor(RoutingContext ctx) {
        return platform.actor(Authentication.signedIn(ctx));
    }

    private void acting(RoutingContext ctx, int status, Function<Actor, Future<JsonObject>> action) {
        respond(ctx, status, () -> actor(ctx).compose(action::apply), json -> json);
    }

    private void staff(RoutingContext ctx, int status, Function<Actor, Future<JsonObject>> action) {
        respond(ctx, status, () -> {
            Authentication.require(ctx, AccountKind.UNION_STAFF);
            return actor(ctx).compose(action::apply);
        }, json -> json);
    }

    private void orderAction(RoutingContext ctx, OrderAction action, Function<JsonInput, ActionInput> read,
                             Set<String> fields) {
        acting(ctx, 200, a -> {
            JsonInput in = JsonInput.of(ctx, fields);
            ActionInput input = read.apply(in);
            in.check();
            return platform.act(a, pathId(ctx, "id"), action, input);
        });
    }

    static ServicePlatform.NeedDraft needDraft(RoutingContext ctx) {
        JsonObject body = strictJsonBody(ctx);
        JsonInput in = JsonInput.of(ctx, Set.of("organizationId", "title", "description", "chainId", "kind", "mode",
                "urgency", "place", "attachments"));
        Long organizationId = in.optionalId("organizationId");
        String title = in.requiredText("title", 100);
        String description = in.requiredText("description", MAX_DESCRIPTION);
        Long chainId = in.requiredId("chainId");
        NeedKind kind = in.requiredEnum("kind", NeedKind.class);
        ServiceMode mode = in.requiredEnum("mode", ServiceMode.class);
        Urgency urgency = in.optionalEnum("urgency", Urgency.class);
        String place = in.requiredText("place", 200);
        JsonArray attachments = attachments(in, body.getValue("attachments"), "attachments");
        in.check();
        return new ServicePlatform.NeedDraft(organizationId, title, description, chainId, kind, mode,
                urgency == null ? Urgency.NORMAL : urgency, place, attachments);
    }

    /**
     * Photos and drawings as {name, url} (the file itself lives wherever the enterprise uploaded it: the platform
     * keeps the reference, not the bytes).
     */
    static JsonArray attachments(JsonInput in, Object value, String field) {
        JsonArray out = new JsonArray();
        if (value == null) {
            return out;
        }
        if (!(value instanceof JsonArray array) || array.size() > MAX_ATTACHMENTS) {
            in.error(field, "须为不超过 " + MAX_ATTACHMENTS + " 项的数组 / must be an array of at most " + MAX_ATTACHMENTS);
            return out;
        }
        for (int i = 0; i < array.size(); i++) {
            String path = field + "[" + i + "]";
            if (!(array.getValue(i) instanceof JsonObject a) || !(a.getValue("name") instanceof String name)
                    || !(a.getValue("url") instanceof String url) || name.isBlank() || name.length() > 100
                    || url.length() > MAX_ATTACHMENT_LENGTH || !(url.startsWith("https://") || url.startsWith("http://"))
                    || a.size() != 2) {
                in.error(path, "须为 {name, url}，url 以 http(s):// 开头 / must be {name, url} with an http(s) url");
                continue;
            }
            out.add(new JsonObject().put("name", name.strip()).put("url", url));
        }
        return out;
    }

    static ServiceReport report(JsonInput in, JsonObject body) {
        LocalDate servedOn = date(in, body, "servedOn", true);
        BigDecimal hours = in.requiredDecimal("hours");
        ServiceMode mode = in.requiredEnum("mode", ServiceMode.class);
        Integer workers = in.requiredInt("workersTrained", 0, 100_000);
        Integer problems = in.requiredInt("problemsSolved", 0, 10_000);
        String efficiency = in.optionalText("efficiency", 200);
        BigDecimal money = body.getValue("moneySaved") == null ? null : in.decimal("moneySaved", body.getValue("moneySaved"));
        String summary = in.requiredText("summary", MAX_DESCRIPTION);
        JsonArray photos = attachments(in, body.getValue("photos"), "photos");
        ServiceReport.problems(servedOn, hours, money, LocalDate.now(io.jiangxin.app.ladder.LadderCalendar.ZONE), null)
                .forEach(p -> in.error(p[0], p[1]));
        if (servedOn == null || hours == null || mode == null || workers == null || problems == null || summary == null
                || !in.problems().isEmpty()) {
            return null;
        }
        return new ServiceReport(servedOn, hours, mode, workers, problems, efficiency, money, summary,
                photos.stream().map(p -> ((JsonObject) p).encode()).toList());
    }

    static LocalDate date(JsonInput in, JsonObject body, String field, boolean required) {
        Object value = body.getValue(field);
        if (value == null) {
            if (required) {
                in.error(field, "必填 / required");
            }
            return null;
        }
        if (value instanceof String text) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                // answered below
            }
        }
        in.error(field, "须为日期 YYYY-MM-DD / must be a date YYYY-MM-DD");
        return null;
    }

    static Boolean queryBoolean(RoutingContext ctx, String name) {
        String raw = ctx.queryParams().get(name);
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (!raw.equals("true") && !raw.equals("false")) {
            throw new Problem(ErrorCode.INVALID_QUERY, "查询参数无效 / invalid query parameter",
                    List.of(new FieldError(name, "须为 true 或 false / must be true or false")));
        }
        return Boolean.parseBoolean(raw);
    }

    /** ?quarter=2026-Q3 */
    static int[] quarter(RoutingContext ctx) {
        String raw = ctx.queryParams().get("quarter");
        if (raw != null && raw.matches("20[0-9]{2}-Q[1-4]")) {
            return new int[] {Integer.parseInt(raw.substring(0, 4)), raw.charAt(6) - '0'};
        }
        throw new Problem(ErrorCode.INVALID_QUERY, "查询参数无效 / invalid query parameter",
                List.of(new FieldError("quarter", "须为 YYYY-Qn，如 2026-Q3 / must be YYYY-Qn, e.g. 2026-Q3")));
    }

    static JsonObject issued(IssuedAccount issued) {
        return new JsonObject().put("account", AuthRoutes.account(issued.account()))
                .put("signInCode", issued.signInCode())
                .put("note", "登录码只显示这一次 / the sign-in code is shown only this once");
    }
}
