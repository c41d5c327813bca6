package io.jiangxin.http;

import io.jiangxin.problem.Problem;
import io.jiangxin.app.Uploads;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Uploading a document as the raw request body and streaming it back, shared by innovation entries and the
 * service platform: the type and the declared size are refused before the body is read; a download is sent in
 * chunks read from PostgreSQL one after another, so no node holds a whole file.
 */
final class FileTransfer {

    static final int CHUNK = 256 * 1024;
    static final int MAX_NAME = 200;

    /** Reads bytes {@code [offset, offset + length)} of a stored file. */
    interface Chunks {
        Future<Buffer> read(long fileId, int offset, int length);
    }

    /** What a download sends besides the bytes. */
    record Meta(long id, String fileName, String contentType, int size, String sha256) {
    }

    private FileTransfer() {
    }

    /** Runs before the API's body handler: a wrong type (415) or a declared oversize (413) before reading the body. */
    static void mountBodyHandler(Router api, String path) {
        api.post(path).handler(ctx -> {
            String type = mediaType(ctx);
            if (!Uploads.TYPES.contains(type)) {
                Responses.error(ctx, Uploads.wrongType(type));
                return;
            }
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > Uploads.MAX_BYTES) {
                Responses.error(ctx, Uploads.tooLarge());
                return;
            }
            ctx.next();
        });
        api.post(path).handler(BodyHandler.create(false).setBodyLimit(Uploads.MAX_BYTES));
    }

    /** The {@code fileName} query parameter: required, at most 200 characters, no path. */
    static String fileName(RoutingContext ctx) {
        String name = ctx.request().getParam("fileName");
        if (name == null || name.isBlank() || name.length() > MAX_NAME || name.contains("/") || name.contains("\\")) {
            throw Problem.invalid(List.of(new io.jiangxin.registry.FieldError("fileName",
                    "须给出文件名（不超过 200 字，不含路径）/ give the file's name (up to 200 characters, no path)")));
        }
        return name.strip();
    }

    static Buffer body(RoutingContext ctx) {
        Buffer body = ctx.body() == null ? null : ctx.body().buffer();
        return body == null ? Buffer.buffer() : body;
    }

    static String mediaType(RoutingContext ctx) {
        String header = ctx.request().getHeader("Content-Type");
        return header == null ? "" : header.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    /** Answers the file found (or the refusal), streaming its bytes with its checksum in the headers. */
    static void download(RoutingContext ctx, java.util.function.Supplier<Future<Meta>> find, Chunks chunks) {
        Future<Meta> found;
        try {
            found = find.get();
        } catch (RuntimeException e) {
            found = Future.failedFuture(e);
        }
        found.onComplete(done -> {
            if (done.failed()) {
                Responses.error(ctx, done.cause());
                return;
            }
            stream(ctx, done.result(), chunks);
        });
    }

    private static void stream(RoutingContext ctx, Meta file, Chunks chunks) {
        HttpServerResponse response = ctx.response();
        String quoted = URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        response.putHeader("Content-Type", file.contentType())
                .putHeader("Content-Length", String.valueOf(file.size()))
                .putHeader("Content-Disposition", "inline; filename*=UTF-8''" + quoted)
                .putHeader("ETag", "\"" + file.sha256() + "\"")
                .putHeader("X-Content-SHA256", file.sha256())
                .putHeader("Cache-Control", "private, max-age=0");
        next(response, file, chunks, 0);
    }

    private static void next(HttpServerResponse response, Meta file, Chunks chunks, int offset) {
        if (offset >= file.size()) {
            response.end();
            return;
        }
        chunks.read(file.id(), offset, Math.min(CHUNK, file.size() - offset))
                .compose(response::write)
                .onComplete(done -> {
                    if (done.failed()) {
                        response.reset();
                        return;
                    }
                    next(response, file, chunks, offset + CHUNK);
                });
    }
}
