package io.jiangxin.http;

import io.jiangxin.app.JudgingReads;
import io.jiangxin.judging.EventViewer;
import static io.jiangxin.http.Requests.pathId;

import io.jiangxin.app.Exports;
import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Excel downloads: results per event, per contest and per team, the judges' raw marks and the audit trail. Who may
 * download an event's file follows the rules of its JSON view (standings, matrix, audit); contest files are for
 * organizers. Each workbook is written on a worker thread to a temporary file, then sent and deleted, so neither
 * the event loop nor memory carries a large export.
 */
final class ExportRoutes {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Exports exports;
    private final JudgingReads reads;

    ExportRoutes(Exports exports, JudgingReads reads) {
        this.exports = exports;
        this.reads = reads;
    }

    void mount(Router api) {
        api.get("/events/:id/results.xlsx").handler(ctx -> deliverEvent(ctx, "event-results",
                EventViewer::requireJuryOrArbiter,
                viewer -> exports.eventResults(viewer.facts(), viewer.namesVisible())));
        api.get("/events/:id/marks.xlsx").handler(ctx -> deliverEvent(ctx, "event-marks",
                EventViewer::requireJury, viewer -> exports.marks(viewer.facts(), viewer.namesVisible())));
        api.get("/events/:id/audit.xlsx").handler(ctx -> deliverEvent(ctx, "event-audit",
                EventViewer::requireJuryOrArbiter, viewer -> exports.audit(viewer.facts())));
        api.get("/contests/:id/results.xlsx").handler(Guards::organizer).handler(ctx ->
                deliver(ctx, "contest-results", () -> exports.contestResults(pathId(ctx, "id"))));
        api.get("/contests/:id/team-results.xlsx").handler(Guards::organizer).handler(ctx ->
                deliver(ctx, "contest-team-results", () -> exports.teamResults(pathId(ctx, "id"))));
    }

    /**
     * An event's file, for a viewer its JSON view admits ({@code admit} throws otherwise); a training assessment's
     * only for organizers, and only once the event has a scheme.
     */
    private void deliverEvent(RoutingContext ctx, String asciiName, Consumer<EventViewer> admit,
                              Function<EventViewer, Future<Exports.Document>> export) {
        deliver(ctx, asciiName, () -> JudgingViewRoutes.viewer(reads, ctx).compose(viewer -> {
            admit.accept(viewer);
            requireOrganizerForTraining(viewer);
            requireScheme(viewer);
            return export.apply(viewer);
        }));
    }

    /** A training assessment's files (results, marks, audit) leave the server only through organizers. */
    private static void requireOrganizerForTraining(EventViewer viewer) {
        if (viewer.facts().training() && !viewer.organizer()) {
            throw new Problem(ErrorCode.PRIVATE_RESULTS, "培训考核的成绩、评分和审计记录仅供组委会导出 / a training"
                    + " assessment's results, marks and audit trail are exported by organizers only");
        }
    }

    private static void requireScheme(EventViewer viewer) {
        if (viewer.facts().schemeJson() == null) {
            throw new Problem(ErrorCode.NO_SCHEME, "该赛项尚未设置评分标准，没有可导出的成绩 / the event has no marking"
                    + " scheme, so there is nothing to export");
        }
    }

    /** Loads the document, writes it to a temporary file on a worker, sends it and deletes it. */
    static void deliver(RoutingContext ctx, String asciiName, Supplier<Future<Exports.Document>> load) {
        Future<Exports.Document> document;
        try {
            document = load.get();
        } catch (RuntimeException e) {
            document = Future.failedFuture(e);
        }
        document.compose(doc -> ctx.vertx().executeBlocking(() -> {
            Path file = Files.createTempFile("jiangxin-export-", ".xlsx");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
                doc.write(out);
            } catch (RuntimeException | java.io.IOException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return file;
        }, false).map(file -> new Written(doc.filename(), file))).onComplete(done -> {
            if (done.failed()) {
                Responses.error(ctx, done.cause());
                return;
            }
            Written written = done.result();
            String encoded = URLEncoder.encode(written.filename(), StandardCharsets.UTF_8).replace("+", "%20");
            ctx.response().putHeader("Content-Type", XLSX)
                    .putHeader("Content-Disposition", "attachment; filename=\"" + asciiName + ".xlsx\"; filename*=UTF-8''"
                            + encoded)
                    .putHeader("Cache-Control", "no-store")
                    .sendFile(written.file().toString())
                    .onComplete(sent -> ctx.vertx().fileSystem().delete(written.file().toString()));
        });
    }

    private record Written(String filename, Path file) {
    }
}
