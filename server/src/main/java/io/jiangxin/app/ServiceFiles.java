package io.jiangxin.app;

import io.jiangxin.problem.ErrorCode;
import io.jiangxin.problem.Problem;
import io.jiangxin.service.ServiceRole;
import io.jiangxin.storage.ServiceStore;
import io.jiangxin.storage.ServiceStore.FileRow;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * 助企行 uploads: a need's photos and drawing (the enterprise, or the staff who entered it) and an order's service
 * photos (its craftsman, or staff), checked like an innovation entry's documents ({@link Uploads}) and stored in
 * PostgreSQL with their SHA-256. Who may read a file: staff of the platform; the enterprise its own needs' and
 * orders' files; a craftsman their orders' photos and the needs they serve; nobody else (404, as for the need).
 */
public final class ServiceFiles {

    /** Per need (its own files) and per order (its service photos). */
    public static final int MAX_FILES = 9;

    private final ServicePlatform platform;
    private final ServiceStore store;

    public ServiceFiles(ServicePlatform platform) {
        this.platform = platform;
        this.store = platform.store();
    }

    public Future<JsonObject> uploadToNeed(ServicePlatform.Actor a, long needId, String fileName, String contentType,
                                           Buffer content) {
        ServicePlatform.require(a, ServiceRole.ENTERPRISE, ServiceRole.STAFF);
        return checked(contentType, content).compose(sha256 -> store.pool().withTransaction(c ->
                platform.visibleNeed(c, a, needId, true)
                        .compose(n -> store.files(c, needId, null))
                        .compose(files -> {
                            if (files.size() >= MAX_FILES) {
                                throw Uploads.tooMany(MAX_FILES, "项需求", "need");
                            }
                            return store.insertFile(c, needId, null, fileName, contentType, content, sha256,
                                    a.principal().accountId());
                        })
                        .compose(id -> store.file(c, id))))
                .map(ServiceFiles::view);
    }

    public Future<JsonObject> uploadToOrder(ServicePlatform.Actor a, long orderId, String fileName, String contentType,
                                            Buffer content) {
        ServicePlatform.require(a, ServiceRole.CRAFTSMAN, ServiceRole.STAFF);
        return checked(contentType, content).compose(sha256 -> store.pool().withTransaction(c ->
                platform.visibleOrder(c, a, orderId, true).compose(o -> {
                    if (a.is(ServiceRole.CRAFTSMAN) && o.personId() == null) {
                        throw new Problem(ErrorCode.ORDER_NOT_TAKEN, "请先接单再上传照片 / take the order before adding"
                                + " photos");
                    }
                    return store.files(c, o.needId(), o.id()).compose(files -> {
                        if (files.size() >= MAX_FILES) {
                            throw Uploads.tooMany(MAX_FILES, "张工单", "order");
                        }
                        return store.insertFile(c, o.needId(), o.id(), fileName, contentType, content, sha256,
                                a.principal().accountId());
                    });
                }).compose(id -> store.file(c, id))))
                .map(ServiceFiles::view);
    }

    /** The file's metadata once the reader may see it; the route streams its bytes. */
    /** What a download of the file says of it, for an actor who may read it. */
    public Future<io.jiangxin.documents.StoredDocument> document(ServicePlatform.Actor a, long fileId) {
        return find(a, fileId).map(f -> new io.jiangxin.documents.StoredDocument(f.id(), f.fileName(),
                f.contentType(), f.size(), f.sha256()));
    }

    public Future<FileRow> find(ServicePlatform.Actor a, long fileId) {
        return store.file(store.pool(), fileId).compose(f -> readable(a, f)
                .recover(e -> Future.failedFuture(e instanceof Problem p && p.status() == 404
                        ? Problem.notFound("附件 / file", fileId) : e))
                .map(ok -> f));
    }

    public Future<Buffer> chunk(long fileId, int offset, int length) {
        return store.fileChunk(fileId, offset, length);
    }

    private Future<?> readable(ServicePlatform.Actor a, FileRow f) {
        if (f.orderId() != null) {
            return platform.visibleOrder(store.pool(), a, f.orderId(), false);
        }
        if (a.is(ServiceRole.CRAFTSMAN)) {
            return store.need(store.pool(), f.needId(), false).compose(n -> store.servesNeed(store.pool(),
                    f.needId(), a.principal().personId()).map(serves -> serves && n.platformId() == a.platformId()))
                    .map(serves -> {
                        if (!serves) {
                            throw Problem.notFound("附件 / file", f.id());
                        }
                        return serves;
                    });
        }
        return platform.visibleNeed(store.pool(), a, f.needId(), false);
    }

    private static Future<String> checked(String contentType, Buffer content) {
        Problem refusal = Uploads.refusal(contentType, content);
        return refusal == null ? Future.succeededFuture(Uploads.sha256(content)) : Future.failedFuture(refusal);
    }

    public static JsonObject view(FileRow f) {
        return new JsonObject().put("id", f.id()).put("fileName", f.fileName()).put("contentType", f.contentType())
                .put("size", f.size()).put("sha256", f.sha256()).put("uploadedAt", f.uploadedAt().toInstant().toString())
                .put("href", "/api/service/files/" + f.id());
    }

    static JsonArray views(List<FileRow> files) {
        JsonArray out = new JsonArray();
        files.forEach(f -> out.add(view(f)));
        return out;
    }
}
