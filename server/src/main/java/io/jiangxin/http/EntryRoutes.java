package io.jiangxin.http;

import io.jiangxin.problem.ErrorCode;
import static io.jiangxin.http.Requests.jsonBody;
import static io.jiangxin.http.Requests.pathId;
import static io.jiangxin.http.Responses.respond;

import io.jiangxin.app.Entries;
import io.jiangxin.auth.Principal;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * 创新成果: an entry's content, its documents (uploaded as the raw body, streamed back in chunks), its audit trail,
 * and the event's submission window.
 */
final class EntryRoutes {

    static final String ATTACHMENTS = "/registrations/:id/entry/attachments";
    static final String IMPORTS = "/events/:id/entries/imports";
    static final long IMPORT_LIMIT_BYTES = 8L * 1024 * 1024;
    static final int MAX_NUMBERS = 200;
    static final int MAX_TITLE = 200;
    static final int MAX_SUMMARY = 5_000;
    static final BigDecimal MAX_BENEFIT = new BigDecimal("1000000000000");

    private final Entries entries;

    EntryRoutes(Entries entries) {
        this.entries = entries;
    }

    /** Runs before the API's body handler: refuses a wrong type or a declared oversize before reading the body. */
    static void mountBodyHandler(Router api) {
        FileTransfer.mountBodyHandler(api, ATTACHMENTS);
        // 成果导入: another media type is refused before the body is read; then up to 8 MiB.
        api.post(IMPORTS).handler(ctx -> {
            try {
                sheetFormat(ctx);
            } catch (io.jiangxin.problem.Problem refused) {
                Responses.error(ctx, refused);
                return;
            }
            ctx.next();
        });
        api.post(IMPORTS).handler(io.vertx.ext.web.handler.BodyHandler.create(false).setBodyLimit(IMPORT_LIMIT_BYTES));
    }

    void mount(Router api) {
        api.put("/events/:id/submission-window").handler(ctx -> respond(ctx, 200, () -> {
            Authentication.organizer(ctx);
            JsonInput in = JsonInput.of(ctx, Set.of("opensAt", "closesAt"));
            OffsetDateTime opens = instant(in, "opensAt");
            OffsetDateTime closes = instant(in, "closesAt");
            if (opens != null && closes != null && !closes.isAfter(opens)) {
                in.error("closesAt", "截止时间须晚于开始时间 / must be after opensAt");
            }
            in.check();
            return entries.setWindow(pathId(ctx, "id"), opens, closes);
        }, body -> body));
        api.get("/entries/mine").handler(ctx -> respond(ctx, 200,
                () -> entries.mine(Authentication.signedIn(ctx)), body -> body));
        api.get("/registrations/:id/entry").handler(ctx -> respond(ctx, 200,
                () -> entries.view(ctx.get(Authentication.PRINCIPAL), pathId(ctx, "id")), body -> body));
        api.put("/registrations/:id/entry").handler(ctx -> respond(ctx, 200, () -> {
            Principal who = Authentication.signedIn(ctx);
            long registrationId = pathId(ctx, "id");
            return entries.save(who, registrationId, draft(ctx));
        }, body -> body));
        api.get("/registrations/:id/entry/audit").handler(ctx -> respond(ctx, 200,
                () -> entries.audit(Authentication.signedIn(ctx), pathId(ctx, "id")), body -> body));
        api.post(ATTACHMENTS).handler(ctx -> respond(ctx, 201, () -> {
            Principal who = Authentication.signedIn(ctx);
            long registrationId = pathId(ctx, "id");
            String name = FileTransfer.fileName(ctx);
            Buffer body = FileTransfer.body(ctx);
            return entries.upload(who, registrationId, name, FileTransfer.mediaType(ctx), body);
        }, body -> body));
        api.delete(ATTACHMENTS + "/:attachmentId").handler(ctx -> respond(ctx, 200, () ->
                entries.delete(Authentication.signedIn(ctx), pathId(ctx, "id"), pathId(ctx, "attachmentId")),
                body -> body));
        api.get("/events/:id/entries/template.csv").handler(Guards::organizer).handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/csv; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"template.csv\"; filename*=UTF-8''"
                        + java.net.URLEncoder.encode("成果导入表.csv", java.nio.charset.StandardCharsets.UTF_8))
                .end(Buffer.buffer(io.jiangxin.app.EntrySheet.csvTemplate())));
        api.post(IMPORTS).handler(ctx -> respond(ctx, 200, () -> {
            Principal who = Authentication.organizer(ctx);
            long eventId = pathId(ctx, "id");
            String mode = ctx.queryParams().get("mode");
            if (mode != null && !mode.isEmpty() && !mode.equals("all-or-nothing") && !mode.equals("valid-rows")) {
                throw new io.jiangxin.problem.Problem(ErrorCode.INVALID_QUERY, "查询参数无效 / invalid query parameter",
                        List.of(new io.jiangxin.registry.FieldError("mode",
                                "须为 all-or-nothing 或 valid-rows / must be all-or-nothing or valid-rows")));
            }
            io.jiangxin.importing.RegistrationSheet.Format format = sheetFormat(ctx);
            Buffer body = ctx.body() == null ? null : ctx.body().buffer();
            if (body == null || body.length() == 0) {
                throw new io.jiangxin.problem.Problem(ErrorCode.EMPTY_FILE, "文件为空 / the file is empty");
            }
            byte[] bytes = body.getBytes();
            return ctx.vertx().executeBlocking(() -> {
                try {
                    return io.jiangxin.app.EntrySheet.read(bytes, format, null);
                } catch (io.jiangxin.importing.RegistrationSheet.Unreadable e) {
                    throw new io.jiangxin.problem.Problem(ErrorCode.UNREADABLE_FILE, e.getMessage());
                }
            }, false).compose(sheet -> entries.imports().run(who, eventId, sheet, "valid-rows".equals(mode)));
        }, body -> body));
        api.get(ATTACHMENTS + "/:attachmentId").handler(ctx -> FileTransfer.download(ctx, () -> entries.download(
                ctx.get(Authentication.PRINCIPAL), pathId(ctx, "id"), pathId(ctx, "attachmentId"))
                .map(a -> new FileTransfer.Meta(a.id(), a.fileName(), a.contentType(), a.size(), a.sha256())),
                entries::chunk));
    }

    /** text/csv (UTF-8, or GBK detected) or .xlsx; anything else is 415 before the body is read. */
    private static io.jiangxin.importing.RegistrationSheet.Format sheetFormat(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        String base = type == null ? "" : type.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (base.equals("text/csv")) {
            return io.jiangxin.importing.RegistrationSheet.Format.CSV;
        }
        if (base.equals(io.jiangxin.importing.RegistrationSheet.XLSX)) {
            return io.jiangxin.importing.RegistrationSheet.Format.XLSX;
        }
        throw new io.jiangxin.problem.Problem(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "只接受 text/csv 或 .xlsx 文件 / send text/csv or "
                + io.jiangxin.importing.RegistrationSheet.XLSX);
    }

    private static Entries.Draft draft(RoutingContext ctx) {
        JsonInput in = JsonInput.of(ctx, Set.of("title", "kind", "summary", "patentNumbers",
                "standardNumbers", "benefitWan", "videoUrl"));
        String title = in.requiredText("title", MAX_TITLE);
        Entries.Kind kind = in.requiredEnum("kind", Entries.Kind.class);
        String summary = in.optionalText("summary", MAX_SUMMARY);
        List<String> patents = in.optionalTexts("patentNumbers", MAX_NUMBERS);
        List<String> standards = in.optionalTexts("standardNumbers", MAX_NUMBERS);
        Object rawBenefit = jsonBody(ctx).getValue("benefitWan");
        BigDecimal benefit = rawBenefit == null ? null : in.decimal("benefitWan", rawBenefit);
        if (benefit != null && (benefit.signum() < 0 || benefit.scale() > 2 || benefit.compareTo(MAX_BENEFIT) >= 0)) {
            in.error("benefitWan", "须为 0 至 1 万亿之间、最多两位小数的万元数 / must be 万元 between 0 and 10¹², at most two"
                    + " decimals");
        }
        String video = in.optionalText("videoUrl", 500);
        if (video != null && !video.matches("https?://\\S+")) {
            in.error("videoUrl", "须为 http(s) 链接 / must be an http(s) link");
        }
        in.check();
        return new Entries.Draft(title, kind, summary == null ? "" : summary, patents, standards,
                benefit == null ? null : benefit.setScale(2), video);
    }

    private static OffsetDateTime instant(JsonInput in, String field) {
        String text = in.requiredText(field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            in.error(field, "须为带时区的时间，如 2026-12-01T09:00:00+08:00 / must be a date-time with an offset");
            return null;
        }
    }
}
