package io.jiangxin.http;

import static io.jiangxin.http.Requests.honourContract;
import static io.jiangxin.http.Requests.strictJsonBody;
import static io.jiangxin.http.Requests.pathId;
import static io.jiangxin.http.Responses.respond;

import io.jiangxin.app.Certificates;
import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.certificates.CertificateCode;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** 获奖证书: organizers issue, list and print an event's certificates; anyone checks a code. */
final class CertificateRoutes {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]{1,255}");

    private final Certificates certificates;

    CertificateRoutes(Certificates certificates) {
        this.certificates = certificates;
    }

    void mount(Router api) {
        api.post("/events/:id/certificates").handler(ctx -> respond(ctx, 201, () -> {
            var who = Authentication.organizer(ctx);
            return certificates.issue(who, pathId(ctx, "id"));
        }, body -> body));
        api.get("/events/:id/certificates").handler(ctx -> respond(ctx, 200, () -> {
            Authentication.organizer(ctx);
            return certificates.list(pathId(ctx, "id"));
        }, body -> body));
        api.get("/events/:id/certificates.pdf").handler(this::pdf);
        api.get("/certificates/:code").handler(ctx -> respond(ctx, 200,
                () -> certificates.verify(code(ctx)), body -> body));
        api.get("/contests/:id/certificate-template").handler(ctx -> respond(ctx, 200, () -> {
            Authentication.organizer(ctx);
            return certificates.templateOf(pathId(ctx, "id"));
        }, body -> body));
        api.put("/contests/:id/certificate-template").handler(ctx -> respond(ctx, 200, () -> {
            var who = Authentication.organizer(ctx);
            long contestId = pathId(ctx, "id");
            JsonObject template = strictJsonBody(ctx);
            Certificates.checkTemplate(template); // its own errors, each named, before the API document's
            honourContract(ctx);
            return certificates.setTemplate(who, contestId, template);
        }, body -> body));
    }

    private void pdf(RoutingContext ctx) {
        io.vertx.core.Future<io.vertx.core.buffer.Buffer> result;
        long eventId;
        try {
            Authentication.organizer(ctx);
            eventId = pathId(ctx, "id");
            result = certificates.batchPdf(eventId, requestBase(ctx));
        } catch (RuntimeException e) {
            Responses.error(ctx, e);
            return;
        }
        result.onComplete(done -> {
            if (done.failed()) {
                Responses.error(ctx, done.cause());
                return;
            }
            String name = "获奖证书-赛项" + eventId + ".pdf";
            ctx.response().putHeader("Content-Type", "application/pdf")
                    .putHeader("Content-Disposition", "attachment; filename=\"certificates-event-" + eventId
                            + ".pdf\"; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .end(done.result());
        });
    }

    /** A malformed code is 400, so a typo is told apart from a code that was never issued (404). */
    private static String code(RoutingContext ctx) {
        return CertificateCode.parse(ctx.pathParam("code")).orElseThrow(() -> new Problem(ErrorCode.BAD_CERTIFICATE_CODE,
                "证书编号格式错误：应为 12 位字母数字（可带连字符）/ a certificate code is 12"
                        + " letters and digits (hyphens allowed)"));
    }

    /** Where the organizer reached this server: the address a printed certificate points back to. */
    static String requestBase(RoutingContext ctx) {
        HostAndPort authority = ctx.request().authority();
        String host = authority == null ? null : authority.host();
        if (host == null || !HOST.matcher(host).matches()) {
            host = "localhost";
        }
        String scheme = "https".equals(ctx.request().scheme()) ? "https" : "http";
        int port = authority == null ? -1 : authority.port();
        boolean defaultPort = port < 0 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }
}
