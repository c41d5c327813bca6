package io.jiangxin.http;

import static io.jiangxin.http.Requests.jsonBody;
import static io.jiangxin.http.Requests.strictJsonBody;
import static io.jiangxin.http.Requests.pathId;
import static io.jiangxin.http.Requests.pathText;
import static io.jiangxin.http.Requests.queryId;
import static io.jiangxin.http.Requests.queryInt;
import static io.jiangxin.http.Requests.queryText;
import static io.jiangxin.http.Responses.respond;

import io.jiangxin.app.ladder.LadderApplication;
import io.jiangxin.app.ladder.LadderCalendar;
import io.jiangxin.app.ladder.LadderEvidence;
import io.jiangxin.app.ladder.LadderResults;
import io.jiangxin.app.ladder.ResultPoints;
import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.auth.AccountKind;
import io.jiangxin.auth.Principal;
import io.jiangxin.ladder.ContestClass;
import io.jiangxin.ladder.Level;
import io.jiangxin.ladder.SkillGrade;
import io.jiangxin.ladder.mentoring.ProgressKind;
import io.jiangxin.ladder.workflow.ObjectionRuling;
import io.jiangxin.ladder.workflow.WorkflowAction;
import io.jiangxin.registry.FieldError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The craftsman ladder's resources: configurations, ladders and rosters, proposals, the nomination workflow,
 * results, evidence and the ledger, training courses, mentorships and the worker's page. Organizers write and
 * read everything; a signed-in worker reads their own page; the public reads ladders and the rosters their
 * organization made public.
 */
final class LadderRoutes {

    static final int MAX_DOCUMENT = 200_000;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Set<String> EVIDENCE_KINDS = Set.of("TRAINING_HOURS", "TRAINING_ASSESSMENT", "INNOVATION",
            "TECH_SERVICE", "HONOUR", "CERTIFICATE");
    private static final Set<WorkflowAction> DECISIONS = Set.of(WorkflowAction.SUBMIT_FOR_FIRST_REVIEW,
            WorkflowAction.PASS_FIRST_REVIEW, WorkflowAction.PASS_EXPERT_REVIEW, WorkflowAction.PASS_SITE_VISIT,
            WorkflowAction.REJECT, WorkflowAction.WITHDRAW, WorkflowAction.NAME);

    private final LadderApplication ladder;
    private final ResultPoints resultPoints;
    /** Dates and times given are checked against the ladder's clock: never more than a year (or 5 minutes) ahead. */
    private final Clock clock;

    LadderRoutes(LadderApplication ladder, ResultPoints resultPoints) {
        this.ladder = ladder;
        this.resultPoints = resultPoints;
        this.clock = ladder.clock();
    }

    void mount(Router api) {
        // configurations and ladders
        api.post("/ladder-configs").handler(Guards::organizer).handler(ctx -> respond(ctx, 201, () -> importConfig(ctx),
                json -> json));
        api.get("/ladder-configs").handler(Guards::organizer).handler(ctx -> respond(ctx, 200,
                () -> ladder.configurations().configsView(), json -> json));
        api.get("/ladder-configs/:code").handler(Guards::organizer).handler(ctx -> respond(ctx, 200, () -> {
            String code = pathText(ctx, "code");
            Integer version = queryInt(ctx, "version", 1, Integer.MAX_VALUE);
            return ladder.configurations().configView(code, version);
        }, json -> json));
        api.get("/ladders").handler(ctx -> respond(ctx, 200, () -> ladder.configurations().laddersView(),
                items -> new JsonObject().put("items", items)));
        api.get("/ladders/:ladderId").handler(ctx -> respond(ctx, 200,
                () -> ladder.configurations().ladderView(pathText(ctx, "ladderId")), json -> json));
        api.get("/ladders/:ladderId/roster").handler(ctx -> respond(ctx, 200, () -> ladder.roster().roster(
                ctx.get(Authentication.PRINCIPAL), pathText(ctx, "ladderId"), queryText(ctx, "tier"),
                queryDate(ctx, "asOf")), json -> json));
        api.get("/ladders/:ladderId/proposals").handler(Guards::organizer).handler(ctx -> respond(ctx, 200, () -> {
            String tier = queryText(ctx, "tier");
            if (tier == null) {
                throw new Problem(ErrorCode.INVALID_QUERY, "查询参数无效 / invalid query parameter",
                        List.of(new FieldError("tier", "必填 / required")));
            }
            return ladder.proposals().proposals(pathText(ctx, "ladderId"), tier, queryInt(ctx, "year", 1900, 2200),
                    queryDate(ctx, "asOf"));
        }, json -> json));
        api.post("/ladders/:ladderId/holdings").handler(Guards::organizer).handler(ctx -> respond(ctx, 201, () -> {
            JsonInput in = JsonInput.of(ctx, Set.of("personId", "tier", "since", "basis"));
            Long personId = in.requiredId("personId");
            String tier = in.requiredText("tier");
            LocalDate since = requiredDate(in, ctx, "since");
            String basis = in.requiredText("basis");
            in.check();
            return ladder.holdings().recordHolding(Authentication.organizer(ctx), pathText(ctx, "ladderId"), personId,
                    tier, since, basis);
        }, json -> json));

        // the workflow
        api.post("/ladders/:ladderId/nominations").handler(Guards::organizer).handler(ctx -> respond(ctx, 201, () -> {
            JsonInput in = JsonInput.of(ctx, Set.of("personId", "tier", "year", "why", "at"));
            Long personId = in.requiredId("personId");
            String tier = in.requiredText("tier");
            Integer year = in.optionalInt("year", 1900, 2200);
            String why = in.requiredText("why", 2000);
            LocalDateTime at = optionalTime(in, ctx, "at");
            in.check();
            return ladder.workflow().nominate(Authentication.organizer(ctx), pathText(ctx, "ladderId"), personId, tier,
                    year, why, at);
        }, json -> json));
        api.get("/ladders/:ladderId/nominations").handler(Guards::organizer).handler(ctx -> respond(ctx, 200,
                () -> ladder.workflow().list(pathText(ctx, "ladderId"), queryText(ctx, "tier"),
                        queryInt(ctx, "year", 1900, 2200), queryText(ctx, "state")), json -> json));
        api.get("/ladder/nominations/:id").handler(Guards::organizer).handler(ctx -> respond(ctx, 200,
                () -> ladder.workflow().view(pathId(ctx, "id")), json -> json));
        api.post("/ladder/nominations/:id/decisions").handler(Guards::organizer).handler(ctx -> respond(ctx, 201, () -> {
            long id = pathId(ctx, "id");
            JsonInput in = JsonInput.of(ctx, Set.of("action", "why", "at"));
            WorkflowAction action = in.requiredEnum("action", WorkflowAction.class);
            if (action != null && !DECISIONS.contains(action)) {
                in.error("action", "须为以下之一 / must be one of " + DECISIONS.stream().map(Enum::name).sorted().toList());
            }
            String why = in.requiredText("why", 2000);
            LocalDateTime at = optionalTime(in, ctx, "at");
            in.check();
            return ladder.workflow().act(Authentication.organizer(ctx), id, action, why, at);
        }, json -> json));
        api.post("/ladder/nominations/:id/objections").handler(Guards::organizer).handler(ctx -> respond(ctx, 201, () -> {
            long id = pathId(ctx, "id");
            JsonInput in = JsonInput.of(ctx, Set.of("objectionId", "filedBy", "statement", "at"));
            String objectionId = in.optionalText("objectionId", 64);
            String filedBy = in.optionalText("filedBy");
            String statement = in.requiredText("statement", 4000);
            LocalDateTime at = optionalTime(in, ctx, "at");
            in.check();
            return ladder.workflow().fileObjection(Authentication.organizer(ctx), id, objectionId, filedBy, statement,
                    at);
        }, json -> json));
        api.post("/ladder/nominations/:id/objections/:objectionId/ruling").handler(Guards::organizer)
                .handler(ctx -> respond(ctx, 201, () -> {
                    long id = pathId(ctx, "id");
                    String objectionId = pathText(ctx, "objectionId");
                    JsonInput in = JsonInput.of(ctx, Set.of("ruling", "why", "at"));
                    ObjectionRuling ruling = in.requiredEnum("ruling", ObjectionRuling.class);
                    String why = in.requiredText("why", 2000);
                    LocalDateTime at = optionalTime(in, ctx, "at");
                    in.check();
                    return ladder.workflow().ruleOnObjection(Authentication.organizer(ctx), id, objectionId, ruling, why,
                            at);
                }, json -> json));

        // results, evidence and the ledger
        api.post("/ladder/results").handler(Guards::organizer).handler(ctx -> respond(ctx, 201, () -> {
            JsonInput in = JsonInput.of(ctx, Set.of("personId", "eventRef", "eventName", "trade", "level",
                    "contestClass", "rank", "award", "heldOn"));
            Long personId = in.requiredId("personId");
            String eventRef = code(in, "eventRef", true);
            String eventName = in.requiredText("eventName");
            String trade = in.optionalText("trade");
            Level level = in.requiredEnum("level", Level.class);
            ContestClass contestClass = in.optionalEnum("contestClass", ContestClass.class);
            Integer rank = in.requiredInt("rank", 1, 100_000);
            String award = in.optionalText("award", 64);
            LocalDate heldOn = requiredDate(in, ctx, "heldOn");
            in.check();
            return ladder.results().recordResult(new LadderResults.NewResult(personId, eventRef, eventName, trade,
                    level, contestClass == null ? ContestClass.NONE : contestClass, rank, award == null ? "" : award,
                    heldOn));
        }, json -> json));
        api.post("/ladder/events/:id/post-results").handler(Guards::organizer).handler(ctx -> respond(ctx, 200,
                () -> resultPoints.post(pathId(ctx, "id")), json -> json));
        api.post("/ladder/evidence").handler(Guards::organizer).handler(ctx -> respond(ctx, 201, () -> {
            JsonObject body = strictJsonBody(ctx);
            JsonInput in = JsonInput.of(ctx, Set.of("personId", "kind", "reference", "qualifier", "title",
                    "level", "grade", "hours", "effectiveOn"));
            Long personId = in.requiredId("personId");
            String kind = in.requiredText("kind");
            if (kind != null && !EVIDENCE_KINDS.contains(kind)) {
                in.error("kind", "须为以下之一 / must be one of " + EVIDENCE_KINDS.stream().sorted().toList());
                kind = null;
            }
            String reference = code(in, "reference", true);
            String qualifier = in.optionalText("qualifier", 64);
            String title = in.optionalText("title");
            Level level = in.optionalEnum("level", Level.class);
            SkillGrade grade = in.optionalEnum("grade", SkillGrade.class);
            BigDecimal hours = body.getValue("hours") == null ? null : in.decimal("hours", body.getValue("hours"));
            LocalDate effectiveOn = requiredDate(in, ctx, "effectiveOn");
            if (kind != null) {
                switch (kind) {
                    case "TRAINING_HOURS" -> {
                        if (hours == null) {
                            in.error("hours", "必填 / required");
                        } else if (hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(10_000)) > 0) {
                            in.error("hours", "须在 0 至 10000 之间 / must be more than 0 and at most 10000");
                        }
                    }
                    case "TRAINING_ASSESSMENT", "INNOVATION", "TECH_SERVICE" -> {
                        if (qualifier == null) {
                            in.error("qualifier", "必填（考核结果或类型，如 PASSED、PATENT_INVENTION、VISIT） / required"
                                    + " (the outcome or type, e.g. PASSED, PATENT_INVENTION, VISIT)");
                        }
                    }
                    case "HONOUR" -> {
                        if (title == null) {
                            in.error("title", "必填 / required");
                        }
                        if (level == null) {
                            in.error("level", "必填 / required");
                        }
                    }
                    case "CERTIFICATE" -> {
                        if (grade == null) {
                            in.error("grade", "必填 / required");
                        }
                    }
                    default -> {
                    }
                }
            }
            in.check();
            String q = switch (kind) {
                case "HONOUR" -> level.name();
                case "CERTIFICATE" -> grade.name();
                case "TRAINING_HOURS" -> "";
                default -> qualifier;
            };
            return ladder.evidence().recordEvidence(Authentication.organizer(ctx), new LadderEvidence.NewEvidence(
                    personId, kind, reference, q, title, level == null ? null : level.name(),
                    grade == null ? null : grade.name(), "TRAINING_HOURS".equals(kind) ? hours : null, effectiveOn));
        }, json -> json));
        api.post("/ladder/ledger/reversals").handler(Guards::organizer).handler(ctx -> respond(ctx, 201, () -> {
            JsonInput in = JsonInput.of(ctx, Set.of("config", "sourceKey", "why"));
            String config = in.requiredText("config", 64);
            String sourceKey = in.requiredText("sourceKey", 500);
            String why = in.requiredText("why", 2000);
            in.check();
            return ladder.reconciliation().reverse(config, sourceKey, why);
        }, json -> json));
        // the worker's page: organizers read anyone's, a signed-in worker only their own (private training included)
        api.get("/ladder/people/:id").handler(ctx -> respond(ctx, 200, () -> {
            long personId = pathId(ctx, "id");
            Authentication.organizerOrSelf(ctx, personId);
            return ladder.workers().workerPage(personId, queryDate(ctx, "asOf"));
        }, json -> json));
        api.get("/ladder/me").handler(ctx -> respond(ctx, 200, () -> {
            Principal worker = Authentication.signedIn(ctx);
            if (!worker.is(AccountKind.COMPETITOR)) {
                throw new Problem(ErrorCode.ROLE_NOT_ALLOWED, "只有选手账号有本人的成长档案；组委会请用 /api/ladder/people/{id}"
                        + " / only worker accounts have a page of their own; organizers use /api/ladder/people/{id}");
            }
            return ladder.workers().workerPage(worker.personId(), queryDate(ctx, "asOf"));
        }, json -> json));

        // training
        api.post("/ladder/courses").handler(Guards::organizer).handler(ctx -> respond(ctx, 201, () -> {
            JsonInput in = JsonInput.of(ctx, Set.of("organizationId", "code", "name", "hours", "heldOn"));
            Long organizationId = in.requiredId("organizationId");
            String code = code(in, "code", true);
            String name = in.requiredText("name");
            BigDecimal hours = in.requiredDecimal("hours");
            if (hours != null && (hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(10_000)) > 0)) {
                in.error("hours", "须在 0 至 10000 之间 / must be more than 0 and at most 10000");
            }
            LocalDate heldOn = requiredDate(in, ctx, "heldOn");
            in.check();
            return ladder.courses().createCourse(organizationId, code, name, hours, heldOn);
        }, json -> json));
        api.get("/ladder/courses").handler(Guards::organizer).handler(ctx -> respond(ctx, 200,
                () -> ladder.courses().courses(queryId(ctx, "organizationId")), json -> json));
        api.get("/ladder/courses/:id").handler(Guards::organizer).handler(ctx -> respond(ctx, 200,
                () -> ladder.courses().courseView(pathId(ctx, "id")), json -> json));
        api.post("/ladder/courses/:id/attendance").handler(Guards::organizer).handler(ctx -> respond(ctx, 201, () -> {
            long id = pathId(ctx, "id");
            JsonInput in = JsonInput.of(ctx, Set.of("personId", "hours", "assessment"));
            Long personId = in.requiredId("personId");
            BigDecimal hours = in.requiredDecimal("hours");
            if (hours != null && hours.signum() <= 0) {
                in.error("hours", "须大于 0 / must be more than 0");
            }
            String assessment = in.optionalText("assessment", 16);
            if (assessment != null && !Set.of("PASSED", "FAILED").contains(assessment)) {
                in.error("assessment", "须为 PASSED 或 FAILED / must be PASSED or FAILED");
            }
            in.check();
            return ladder.courses().attend(Authentication.organizer(ctx), id, personId, hours, assessment);
        }, json -> json));

        // mentoring
        api.post("/ladder/mentorships").handler(Guards::organizer).handler(ctx -> respond(ctx, 201, () -> {
            JsonObject body = strictJsonBody(ctx);
            JsonInput in = JsonInput.of(ctx, Set.of("mentorId", "apprenticeId", "startedOn", "endedOn", "goals"));
            Long mentorId = in.requiredId("mentorId");
            Long apprenticeId = in.requiredId("apprenticeId");
            if (mentorId != null && mentorId.equals(apprenticeId)) {
                in.error("apprenticeId", "师傅不能带自己 / a mentor cannot be their own apprentice");
            }
            LocalDate startedOn = requiredDate(in, ctx, "startedOn");
            LocalDate endedOn = optionalDate(in, ctx, "endedOn");
            if (startedOn != null && endedOn != null && !endedOn.isAfter(startedOn)) {
                in.error("endedOn", "须晚于开始日期 / must be after startedOn");
            }
            JsonArray goals = goals(in, body.getValue("goals"));
            in.check();
            return ladder.mentoring().createMentorship(mentorId, apprenticeId, startedOn, endedOn, goals);
        }, json -> json));
        api.get("/ladder/mentorships/:id").handler(Guards::organizer).handler(ctx -> respond(ctx, 200,
                () -> ladder.mentoring().mentorshipView(pathId(ctx, "id")), json -> json));
        api.post("/ladder/mentorships/:id/progress").handler(Guards::organizer).handler(ctx -> respond(ctx, 201, () -> {
            long id = pathId(ctx, "id");
            JsonInput in = JsonInput.of(ctx, Set.of("kind", "date", "grade", "honourLevel", "description",
                    "evidenceRef"));
            ProgressKind kind = in.requiredEnum("kind", ProgressKind.class);
            LocalDate date = requiredDate(in, ctx, "date");
            SkillGrade grade = in.optionalEnum("grade", SkillGrade.class);
            Level honourLevel = in.optionalEnum("honourLevel", Level.class);
            String description = in.optionalText("description", 2000);
            String evidenceRef = in.optionalText("evidenceRef");
            if (kind == ProgressKind.GRADE_REACHED && grade == null) {
                in.error("grade", "达到等级须注明等级 / GRADE_REACHED needs a grade");
            }
            if (kind == ProgressKind.HONOUR_WON && honourLevel == null) {
                in.error("honourLevel", "获得荣誉须注明级别 / HONOUR_WON needs an honour level");
            }
            if (kind == ProgressKind.MILESTONE && evidenceRef == null) {
                in.error("evidenceRef", "里程碑须注明目标编号（如 G1） / MILESTONE needs the goal id it meets (e.g. G1)");
            }
            in.check();
            return ladder.mentoring().recordProgress(id, kind.name(), date, grade == null ? null : grade.name(),
                    honourLevel == null ? null : honourLevel.name(), description, evidenceRef);
        }, json -> json));
    }

    private Future<JsonObject> importConfig(RoutingContext ctx) {
        JsonObject body = strictJsonBody(ctx);
        JsonInput in = JsonInput.of(ctx, Set.of("code", "organizationId", "publicRoster", "yaml", "config"));
        String code = code(in, "code", true);
        Long organizationId = in.requiredId("organizationId");
        Object publicRoster = body.getValue("publicRoster");
        if (publicRoster != null && !(publicRoster instanceof Boolean)) {
            in.error("publicRoster", "须为 true 或 false / must be true or false");
        }
        Object yaml = body.getValue("yaml");
        Object config = body.getValue("config");
        String document = null;
        if ((yaml == null) == (config == null)) {
            in.error("yaml", "须给出 yaml（文本）或 config（JSON 对象）之一 / give exactly one of yaml (text) or config"
                    + " (a JSON object)");
        } else if (yaml != null) {
            if (!(yaml instanceof String text) || text.isBlank() || text.length() > MAX_DOCUMENT) {
                in.error("yaml", "须为不超过 " + MAX_DOCUMENT + " 个字符的文本 / must be text of at most " + MAX_DOCUMENT
                        + " characters");
            } else {
                document = text;
            }
        } else if (!(config instanceof JsonObject object)) {
            in.error("config", "须为 JSON 对象 / must be a JSON object");
        } else {
            document = object.encodePrettily();
        }
        in.check();
        return ladder.configurations().importConfig(Authentication.organizer(ctx), code, organizationId,
                Boolean.TRUE.equals(publicRoster), document);
    }

    private static String code(JsonInput in, String field, boolean required) {
        String value = required ? in.requiredText(field, 64) : in.optionalText(field, 64);
        if (value != null && !CODE.matcher(value).matches()) {
            in.error(field, "须为字母、数字、点、下划线或连字符，不超过 64 个 / letters, digits, '.', '_' or '-', at most 64");
            return null;
        }
        return value;
    }

    private static JsonArray goals(JsonInput in, Object value) {
        JsonArray goals = new JsonArray();
        if (value == null) {
            return goals;
        }
        if (!(value instanceof JsonArray array) || array.size() > 20) {
            in.error("goals", "须为不超过 20 项的数组 / must be an array of at most 20 goals");
            return goals;
        }
        for (int i = 0; i < array.size(); i++) {
            String path = "goals[" + i + "]";
            if (!(array.getValue(i) instanceof JsonObject goal)) {
                in.error(path, "须为对象 / must be an object");
                continue;
            }
            String description = goal.getValue("description") instanceof String d && !d.isBlank() ? d.strip() : null;
            if (description == null || description.length() > 500) {
                in.error(path + ".description", "必填，不超过 500 字 / required, at most 500 characters");
            }
            String target = goal.getString("targetGrade");
            if (target != null && java.util.Arrays.stream(SkillGrade.values()).noneMatch(g -> g.name().equals(target))) {
                in.error(path + ".targetGrade", "须为以下之一 / must be one of "
                        + java.util.Arrays.toString(SkillGrade.values()));
            }
            String dueBy = goal.getString("dueBy");
            if (dueBy != null) {
                try {
                    LocalDate.parse(dueBy);
                } catch (DateTimeParseException e) {
                    in.error(path + ".dueBy", "须为 YYYY-MM-DD 日期 / must be a date YYYY-MM-DD");
                }
            }
            goals.add(new JsonObject().put("goalId", goal.getString("goalId", "G" + (i + 1)))
                    .put("description", description).put("targetGrade", target).put("dueBy", dueBy));
        }
        return goals;
    }

    private LocalDate requiredDate(JsonInput in, RoutingContext ctx, String field) {
        LocalDate date = optionalDate(in, ctx, field);
        if (date == null && ctx.body().asJsonObject().getValue(field) == null) {
            in.error(field, "必填 / required");
        }
        return date;
    }

    private LocalDate optionalDate(JsonInput in, RoutingContext ctx, String field) {
        Object value = ctx.body().asJsonObject().getValue(field);
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse((String) value);
            if (date.getYear() < 1900 || date.isAfter(LadderCalendar.today(clock).plusYears(1))) {
                in.error(field, "日期超出范围 / date out of range");
                return null;
            }
            return date;
        } catch (ClassCastException | DateTimeParseException e) {
            in.error(field, "须为 YYYY-MM-DD 日期 / must be a date YYYY-MM-DD");
            return null;
        }
    }

    /** When a decision was taken: local time in Asia/Shanghai or with an offset; never in the future. */
    private LocalDateTime optionalTime(JsonInput in, RoutingContext ctx, String field) {
        Object value = ctx.body().asJsonObject().getValue(field);
        if (value == null) {
            return null;
        }
        LocalDateTime time;
        try {
            String text = (String) value;
            time = text.length() > 19 && (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$"))
                    ? OffsetDateTime.parse(text).atZoneSameInstant(LadderCalendar.ZONE).toLocalDateTime()
                    : LocalDateTime.parse(text);
        } catch (ClassCastException | DateTimeParseException e) {
            in.error(field, "须为 ISO 时间，如 2026-11-20T09:30 / must be an ISO time such as 2026-11-20T09:30");
            return null;
        }
        if (time.isAfter(LocalDateTime.ofInstant(clock.instant(), LadderCalendar.ZONE).plusMinutes(5))) {
            in.error(field, "不能晚于当前时间 / must not be in the future");
            return null;
        }
        return time;
    }

    private static LocalDate queryDate(RoutingContext ctx, String name) {
        String raw = queryText(ctx, name);
        if (raw == null) {
            return null;
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw new Problem(ErrorCode.INVALID_QUERY, "查询参数无效 / invalid query parameter",
                    List.of(new FieldError(name, "须为 YYYY-MM-DD 日期 / must be a date YYYY-MM-DD")));
        }
    }
}
