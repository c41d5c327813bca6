package io.jiangxin.service;

import static io.jiangxin.support.Documents.pdf;
import static io.jiangxin.support.Replies.created;
import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Download;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.TestDatabase;
import io.jiangxin.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 助企行 uploads over HTTP: a need's photo and drawing and an order's service photos are stored in PostgreSQL with
 * their SHA-256 and streamed back byte for byte; a wrong type, a disguised file, an oversize and one file too many
 * are each refused with their own 4xx; only the enterprise, its craftsman and the platform's staff read them. And a
 * phone retrying a publish with the same Idempotency-Key creates one need.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceFilesIT {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private TestDatabase database;
    private Http anonymous;
    private ServicePlatformSetup city;
    private ServicePlatformSetup other;

    @BeforeAll
    void start() {
        database = server.database();
        anonymous = server.anonymous();
        Http organizer = server.organizer();
        city = new ServicePlatformSetup(organizer, anonymous, "诸城", "zhucheng");
        other = new ServicePlatformSetup(organizer, anonymous, "青州", "qingzhou");
    }

    private static void refused(Reply reply, int status, String error) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().getString("error")).as(reply.body()).isEqualTo(error);
        assertThat(reply.json().getString("message")).as("zh-CN first, then English").contains(" / ");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static byte[] jpeg(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        return bytes;
    }

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};

    @Test
    void aNeedsPhotoAndDrawingAreStoredWithTheirChecksumAndStreamedBack() throws Exception {
        long needId = city.weldingNeed(city.contactA).getLong("id");
        String files = "/api/service/needs/" + needId + "/files";
        byte[] photo = jpeg(700 * 1024);
        Reply uploaded = city.contactA.sendBytes("POST", files + "?fileName=" + "%E5%8F%98%E5%BD%A2.jpg", photo,
                "image/jpeg");
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        assertThat(uploaded.json().getString("sha256")).isEqualTo(sha256(photo));
        assertThat(uploaded.json().getInteger("size")).isEqualTo(photo.length);
        assertThat(uploaded.json().getString("fileName")).isEqualTo("变形.jpg");
        long photoId = uploaded.json().getLong("id");
        byte[] drawing = pdf(40 * 1024);
        assertThat(created(city.staff.sendBytes("POST", files + "?fileName=drawing.pdf", drawing, "application/pdf"))
                .json().getString("sha256")).isEqualTo(sha256(drawing));

        Download back = city.contactA.download("/api/service/files/" + photoId);
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.body()).isEqualTo(photo);
        assertThat(sha256(back.body())).isEqualTo(sha256(photo));
        assertThat(back.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(back.headers().firstValue("X-Content-SHA256")).contains(sha256(photo));
        assertThat(database.queryLong("select count(*) from service_file where need_id = " + needId
                + " and sha256 = '" + sha256(photo) + "' and octet_length(content) = " + photo.length)).isEqualTo(1);

        JsonArray listed = city.contactA.get("/api/service/needs/" + needId).json().getJsonArray("files");
        assertThat(listed.stream().map(f -> ((JsonObject) f).getString("fileName"))).containsExactly("变形.jpg",
                "drawing.pdf");
        assertThat(listed.getJsonObject(0).getString("href")).isEqualTo("/api/service/files/" + photoId);
        // the earlier {name, url} links are still read as links beside the uploads
        assertThat(city.contactA.get("/api/service/needs/" + needId).json().getJsonArray("attachments")
                .getJsonObject(0).getString("url")).startsWith("https://");
    }

    @Test
    void eachRefusalHasItsOwnStatusAndNothingIsStored() {
        long needId = city.weldingNeed(city.contactA).getLong("id");
        String files = "/api/service/needs/" + needId + "/files";
        long before = database.queryLong("select count(*) from service_file");
        refused(city.contactA.sendBytes("POST", files + "?fileName=a.txt", "hello".getBytes(StandardCharsets.UTF_8),
                "text/plain"), 415, "UNSUPPORTED_FILE_TYPE");
        refused(city.contactA.sendBytes("POST", files + "?fileName=photo.jpg", pdf(1000), "image/jpeg"), 415,
                "CONTENT_MISMATCH");
        refused(city.contactA.sendBytes("POST", files + "?fileName=big.jpg", jpeg(10 * 1024 * 1024 + 1), "image/jpeg"),
                413, "FILE_TOO_LARGE");
        refused(city.contactA.sendBytes("POST", files, jpeg(100), "image/jpeg"), 400, "INVALID_FIELDS");
        refused(city.contactA.sendBytes("POST", files + "?fileName=..%2Fetc.jpg", jpeg(100), "image/jpeg"), 400,
                "INVALID_FIELDS");
        refused(city.contactA.sendBytes("POST", files + "?fileName=empty.jpg", new byte[0], "image/jpeg"), 400,
                "INVALID_FIELDS");
        refused(anonymous.sendBytes("POST", files + "?fileName=x.jpg", jpeg(100), "image/jpeg"), 401,
                "SIGN_IN_REQUIRED");
        assertThat(database.queryLong("select count(*) from service_file")).isEqualTo(before);

        for (int i = 1; i <= 9; i++) {
            assertThat(city.contactA.sendBytes("POST", files + "?fileName=p" + i + ".png", PNG, "image/png").status())
                    .isEqualTo(201);
        }
        refused(city.contactA.sendBytes("POST", files + "?fileName=p10.png", PNG, "image/png"), 409,
                "TOO_MANY_ATTACHMENTS");
        assertThat(database.queryLong("select count(*) from service_file where need_id = " + needId)).isEqualTo(9);
    }

    @Test
    void onlyTheEnterpriseItsCraftsmanAndThePlatformsStaffReadTheFiles() throws Exception {
        long needId = city.weldingNeed(city.contactA).getLong("id");
        long needFile = created(city.contactA.sendBytes("POST", "/api/service/needs/" + needId + "/files?fileName=a.jpg",
                jpeg(5000), "image/jpeg")).id();
        // another enterprise may neither add to nor read A's need
        refused(city.contactB.sendBytes("POST", "/api/service/needs/" + needId + "/files?fileName=b.jpg", jpeg(100),
                "image/jpeg"), 404, "NOT_FOUND");
        assertThat(city.contactB.download("/api/service/files/" + needFile).status()).isEqualTo(404);
        assertThat(other.staff.download("/api/service/files/" + needFile).status()).isEqualTo(404);
        assertThat(anonymous.download("/api/service/files/" + needFile).status()).isEqualTo(401);
        assertThat(city.staff.download("/api/service/files/" + needFile).status()).isEqualTo(200);
        // a craftsman reads nothing of a need before it is theirs
        Download early = city.welderApp.download("/api/service/files/" + needFile);
        assertThat(early.status()).as(new String(early.body(), StandardCharsets.UTF_8)).isEqualTo(404);

        assertThat(city.staff.post("/api/service/needs/" + needId + "/review", new JsonObject()
                .put("decision", "ACCEPT")).status()).isEqualTo(200);
        long orderId = created(city.staff.post("/api/service/needs/" + needId + "/dispatch",
                new JsonObject().put("personId", city.welder))).id();
        assertThat(city.welderApp.post("/api/service/orders/" + orderId + "/accept", new JsonObject()).status())
                .isEqualTo(200);
        assertThat(city.welderApp.download("/api/service/files/" + needFile).status()).isEqualTo(200);
        assertThat(city.textileApp.download("/api/service/files/" + needFile).status()).isEqualTo(404);

        // the craftsman's service photos belong to the order
        byte[] photo = jpeg(300 * 1024);
        Reply uploaded = city.welderApp.sendBytes("POST", "/api/service/orders/" + orderId + "/files?fileName=现场.jpg"
                .replace("现场", "%E7%8E%B0%E5%9C%BA"), photo, "image/jpeg");
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        long orderFile = uploaded.json().getLong("id");
        refused(city.textileApp.sendBytes("POST", "/api/service/orders/" + orderId + "/files?fileName=x.jpg", jpeg(100),
                "image/jpeg"), 404, "NOT_FOUND");
        refused(city.contactA.sendBytes("POST", "/api/service/orders/" + orderId + "/files?fileName=x.jpg", jpeg(100),
                "image/jpeg"), 403, "ROLE_NOT_ALLOWED");
        JsonObject order = city.welderApp.get("/api/service/orders/" + orderId).json();
        assertThat(order.getJsonArray("files").getJsonObject(0).getString("sha256")).isEqualTo(sha256(photo));
        Download seen = city.contactA.download("/api/service/files/" + orderFile);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.body()).isEqualTo(photo);
        assertThat(city.contactB.download("/api/service/files/" + orderFile).status()).isEqualTo(404);
        assertThat(city.textileApp.download("/api/service/files/" + orderFile).status()).isEqualTo(404);
        assertThat(city.staff.download("/api/service/files/" + orderFile).status()).isEqualTo(200);
        assertThat(other.staff.download("/api/service/files/" + orderFile).status()).isEqualTo(404);
        // the need's own list is not mixed with the order's photos
        assertThat(city.contactA.get("/api/service/needs/" + needId).json().getJsonArray("files")).hasSize(1);
    }

    @Test
    void aRetriedPublishWithTheSameKeyCreatesOneNeed() {
        JsonObject need = new JsonObject().put("title", "设备点检培训").put("description", "请专家培训点检")
                .put("chainId", city.chainEquipment).put("kind", "SKILL_UPGRADE").put("mode", "TRAINING_ONE_TO_MANY")
                .put("place", "诸城市东关大街 1 号");
        long before = database.queryLong("select count(*) from service_need");
        Http phone = city.contactA.key("need-2026-12-03-0001");
        Reply first = phone.post("/api/service/needs", need);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        Reply retry = phone.post("/api/service/needs", need);
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(retry.json().getLong("id")).isEqualTo(first.json().getLong("id"));
        assertThat(database.queryLong("select count(*) from service_need")).isEqualTo(before + 1);
        assertThat(database.queryLong("select count(*) from service_transition where need_id = "
                + first.json().getLong("id"))).isEqualTo(1);

        refused(phone.post("/api/service/needs", need.copy().put("title", "另一个需求")), 422, "IDEMPOTENCY_KEY_REUSED");
        // the key is the contact's own: another account's same key is another need
        Reply otherAccount = city.staff.key("need-2026-12-03-0001").post("/api/service/needs",
                need.copy().put("organizationId", city.enterpriseA));
        assertThat(otherAccount.status()).as(otherAccount.body()).isEqualTo(201);
        assertThat(otherAccount.json().getLong("id")).isNotEqualTo(first.json().getLong("id"));
        // without a key each call is a new need; a refused publish does not use up its key
        assertThat(city.contactA.post("/api/service/needs", need).json().getLong("id"))
                .isNotEqualTo(first.json().getLong("id"));
        Http fresh = city.contactA.key("need-2026-12-03-0002");
        refused(fresh.post("/api/service/needs", need.copy().put("chainId", other.chainEquipment)), 404,
                "UNKNOWN_REFERENCE");
        assertThat(fresh.post("/api/service/needs", need).status()).isEqualTo(201);
        assertThat(database.queryLong("select count(*) from service_need")).isEqualTo(before + 4);
        refused(city.contactA.key("bad key").post("/api/service/needs", need), 400, "BAD_IDEMPOTENCY_KEY");
    }

    @Test
    void twoRetriesAtOnceWithTheSameKeyStillCreateOneNeed() throws Exception {
        JsonObject need = new JsonObject().put("title", "叉车安全培训").put("description", "请专家讲解叉车安全操作")
                .put("chainId", city.chainEquipment).put("kind", "SAFETY").put("mode", "TRAINING_ONE_TO_MANY")
                .put("place", "诸城市密州路 9 号");
        long before = database.queryLong("select count(*) from service_need");
        Http phone = city.contactA.key("need-parallel-0001");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Reply>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                replies.add(pool.submit(() -> phone.post("/api/service/needs", need)));
            }
            java.util.Set<Long> ids = new java.util.HashSet<>();
            int replayed = 0;
            for (java.util.concurrent.Future<Reply> reply : replies) {
                Reply r = reply.get();
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                ids.add(r.json().getLong("id"));
                replayed += r.headers().firstValue("Idempotent-Replayed").isPresent() ? 1 : 0;
            }
            assertThat(ids).hasSize(1);
            assertThat(replayed).isEqualTo(3);
        } finally {
            pool.shutdown();
        }
        assertThat(database.queryLong("select count(*) from service_need")).isEqualTo(before + 1);
    }
}
