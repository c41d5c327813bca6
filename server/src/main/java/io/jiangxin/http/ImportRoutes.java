package io.jiangxin.http;

import static io.jiangxin.http.Requests.pathId;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.app.Registry;
import io.jiangxin.problem.Problem;
import io.jiangxin.registry.Event;
import io.jiangxin.importing.RegistrationSheet;
import io.jiangxin.importing.RegistrationSheet.Format;
import io.jiangxin.paging.PageRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** Registration import from a filled-in 报名表 (.csv or .xlsx) and the template to fill in. */
final class ImportRoutes {

    /** The import's own body limit; every other route keeps {@link Routes#BODY_LIMIT_BYTES}. */
    static final long BODY_LIMIT_BYTES = 64L * 1024 * 1024;
    static final String IMPORT_PATH = "/contests/:id/registrations/imports";

    private final Registry registry;

    ImportRoutes(Registry registry) {
        this.registry = registry;
    }

    /** Runs before the API's body handler: refuses another media type before reading, then reads up to 64 MiB. */
    static void mountBodyHandler(Router api) {
        api.post(IMPORT_PATH).handler(ctx -> {
            try {
                format(ctx);
            } catch (Problem refused) {
                Responses.error(ctx, refused);
                return;
            }
            ctx.next();
        });
        api.post(IMPORT_PATH).handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES));
    }

    static boolean isImport(String path) {
        return path != null && path.endsWith("/registrations/imports");
    }

    void mount(Router api) {
        api.get("/contests/:id/registrations/template.csv").handler(Guards::organizer).handler(ctx ->
                registry.contestRecords().get(pathId(ctx, "id")).onComplete(done -> {
                    if (done.failed()) {
                        Responses.error(ctx, done.cause());
                        return;
                    }
                    send(ctx, "text/csv; charset=utf-8", "报名表模板.csv", RegistrationSheet.csvTemplate());
                }));
        api.get("/contests/:id/registrations/template.xlsx").handler(Guards::organizer).handler(ctx ->
                registry.contestRecords().get(pathId(ctx, "id"))
                        .compose(contest -> registry.events(contest.id(), null,
                                new PageRequest(PageRequest.MAX_LIMIT, 0)))
                        .onComplete(done -> {
                            if (done.failed()) {
                                Responses.error(ctx, done.cause());
                                return;
                            }
                            List<String> events = done.result().items().stream().map(Event::name).toList();
                            send(ctx, RegistrationSheet.XLSX, "报名表模板.xlsx", RegistrationSheet.xlsxTemplate(events));
                        }));
        api.post(IMPORT_PATH).handler(Guards::organizer).handler(this::importSheet);
    }

    private void importSheet(RoutingContext ctx) {
        long contestId = pathId(ctx, "id");
        boolean validRowsOnly;
        Format format;
        Charset charset;
        try {
            validRowsOnly = validRowsOnly(ctx);
            format = format(ctx);
            charset = charset(ctx);
        } catch (Problem refused) {
            Responses.error(ctx, refused);
            return;
        }
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        if (body == null || body.length() == 0) {
            Responses.error(ctx, new Problem(ErrorCode.EMPTY_FILE, "文件为空 / the file is empty"));
            return;
        }
        registry.contestRecords().get(contestId)
                .compose(contest -> ctx.vertx().executeBlocking(() -> {
                    try {
                        return RegistrationSheet.read(body.getBytes(), format, charset);
                    } catch (RegistrationSheet.Unreadable e) {
                        throw new Problem(ErrorCode.UNREADABLE_FILE, e.getMessage());
                    }
                }, false))
                .compose(sheet -> registry.importRegistrations(contestId, sheet, validRowsOnly))
                .onComplete(done -> {
                    if (done.succeeded()) {
                        Responses.json(ctx, 200, done.result());
                    } else {
                        Responses.error(ctx, done.cause());
                    }
                });
    }

    private static boolean validRowsOnly(RoutingContext ctx) {
        String raw = ctx.queryParams().get("mode");
        if (raw == null || raw.isEmpty() || raw.equals("all-or-nothing")) {
            return false;
        }
        if (raw.equals("valid-rows")) {
            return true;
        }
        throw new Problem(ErrorCode.INVALID_QUERY, "查询参数无效 / invalid query parameter",
                List.of(new io.jiangxin.registry.FieldError("mode",
                        "须为 all-or-nothing 或 valid-rows / must be all-or-nothing or valid-rows")));
    }

    private static Format format(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        String base = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (base.equals("text/csv")) {
            return Format.CSV;
        }
        if (base.equals(RegistrationSheet.XLSX)) {
            return Format.XLSX;
        }
        throw new Problem(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "只接受 text/csv 或 .xlsx 文件 / send text/csv or "
                + RegistrationSheet.XLSX);
    }

    /** The {@code charset} query parameter, else the Content-Type's charset, else detected (UTF-8, else GBK). */
    private static Charset charset(RoutingContext ctx) {
        String raw = ctx.queryParams().get("charset");
        if (raw == null || raw.isEmpty()) {
            String type = ctx.request().getHeader("Content-Type");
            int at = type == null ? -1 : type.toLowerCase(Locale.ROOT).indexOf("charset=");
            raw = at < 0 ? null : type.substring(at + 8).split(";")[0].replace("\"", "").strip();
        }
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        return switch (raw.toUpperCase(Locale.ROOT)) {
            case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
            case "GBK", "GB2312", "GB18030" -> RegistrationSheet.GBK;
            default -> throw new Problem(ErrorCode.INVALID_QUERY, "查询参数无效 / invalid query parameter",
                    List.of(new io.jiangxin.registry.FieldError("charset", "须为 UTF-8 或 GBK / must be UTF-8 or GBK")));
        };
    }

    private static void send(RoutingContext ctx, String type, String filename, byte[] bytes) {
        String encoded = java.net.URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        ctx.response().putHeader("Content-Type", type)
                .putHeader("Content-Disposition", "attachment; filename=\"template\"; filename*=UTF-8''" + encoded)
                .end(Buffer.buffer(bytes));
    }
}
