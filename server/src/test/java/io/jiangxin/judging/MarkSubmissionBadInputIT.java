package io.jiangxin.judging;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The submission endpoint under bad input: every answer is a 4xx with a code and a reason, never a 500, and
 * nothing is stored. Hand-picked cases first, then a seeded stream of mutations of a valid request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarkSubmissionBadInputIT {

    private TestDatabase database;
    private JiangxinNode node;
    private JudgingSetup setup;
    private Http judge;
    private String path;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.create();
        node = Nodes.single(database.url());
        Http http = new Http(node.httpPort());
        setup = new JudgingSetup(http.signIn(Nodes.ORGANIZER_CODE), "2026年坏输入测试赛");
        judge = http.signIn(setup.j1Code);
        path = setup.sheet("002") + "/marks";
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private long stored() {
        return database.queryLong("select count(*) from score_event") + database.queryLong("select count(*) from idempotency");
    }

    private void assertRefused(Reply reply, int status, String what) {
        assertThat(reply.status()).as(what + " → " + reply.body()).isEqualTo(status);
        JsonObject body = reply.json();
        assertThat(body.getString("error")).as(what).isNotBlank();
        assertThat(body.getString("message")).as(what).contains(" / ");
    }

    private Reply send(String body) {
        return judge.key(UUID.randomUUID().toString()).sendBody("POST", path, body, "application/json");
    }

    private static String marks(Object aspect, Object value) {
        return new JsonObject().put("marks", new JsonArray().add(new JsonObject().put("aspectId", aspect)
                .put("value", value))).encode();
    }

    @Test
    void handPickedBadRequestsAreRefusedAndStoreNothing() {
        long before = stored();
        List<Object[]> cases = List.of(
                new Object[] {"{\"marks\": [", 400, "truncated JSON"},
                new Object[] {"[1, 2, 3]", 400, "an array body"},
                new Object[] {"{}", 400, "no marks"},
                new Object[] {"{\"marks\": []}", 400, "empty marks"},
                new Object[] {"{\"marks\": \"A1=5\"}", 400, "marks not an array"},
                new Object[] {"{\"marks\": [42]}", 400, "a mark that is not an object"},
                new Object[] {marks(7, 5), 400, "aspect id of the wrong type"},
                new Object[] {marks("A1", true), 400, "a boolean mark"},
                new Object[] {marks("A1", new JsonObject()), 400, "an object mark"},
                new Object[] {marks("A1", "NaN"), 400, "NaN"},
                new Object[] {marks("A1", "1e400"), 400, "an enormous exponent"},
                new Object[] {marks("A1", "9".repeat(40)), 400, "too many digits"},
                new Object[] {marks("A1", 11), 400, "above the maximum"},
                new Object[] {marks("A1", -0.5), 400, "below zero"},
                new Object[] {marks("A1", 7.3), 400, "off the step"},
                new Object[] {marks("Y1", 5), 400, "neither yes nor no"},
                new Object[] {marks("S1", 5), 400, "a mark on a deduction aspect"},
                new Object[] {marks("焊缝😀\u202e", 5), 400, "an unknown unicode aspect"},
                new Object[] {"{\"marks\": [{\"aspectId\": \"A1\", \"value\": 5}, {\"aspectId\": \"A1\", \"value\": 6}]}",
                        400, "the same aspect twice"},
                new Object[] {"{\"marks\": [{\"aspectId\": \"A1\", \"value\": 5, \"judge\": 9}]}", 400, "an extra field"},
                new Object[] {"{\"marks\": [{\"aspectId\": \"A1\", \"value\": 5}], \"judgeId\": 1}", 400,
                        "an attempt to mark as another judge"});
        for (Object[] c : cases) {
            assertRefused(send((String) c[0]), (Integer) c[1], (String) c[2]);
        }
        Reply huge = send(marks("A1", 5).replace("}]}", ", \"pad\": \"" + "x".repeat(300_000) + "\"}]}"));
        assertRefused(huge, 413, "a huge body");
        assertRefused(judge.key(UUID.randomUUID().toString()).post(setup.sheet("999") + "/marks",
                new JsonObject(marks("A1", 5))), 404, "an unknown entry code");
        assertRefused(judge.key(UUID.randomUUID().toString()).post("/api/events/987654/sheets/001/marks",
                new JsonObject(marks("A1", 5))), 404, "an unknown event");
        assertRefused(judge.sendBody("POST", path, marks("A1", 5), "application/json"), 400, "no Idempotency-Key");
        assertRefused(judge.key("k".repeat(201)).sendBody("POST", path, marks("A1", 5), "application/json"), 400,
                "an over-long Idempotency-Key");
        assertRefused(judge.key(UUID.randomUUID().toString()).sendBody("POST", path, marks("A1", 5), "text/plain"),
                415, "not JSON");
        assertRefused(judge.as(null).key(UUID.randomUUID().toString()).sendBody("POST", path, marks("A1", 5),
                "application/json"), 401, "no token");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void seededMutationsOfAValidRequestAreAllRefused() {
        long before = stored();
        Random random = new Random(20261120);
        String valid = marks("A1", 5);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            bodies.add(switch (i % 6) {
                case 0 -> valid.substring(0, random.nextInt(valid.length() - 1));
                case 1 -> marks("A1", randomNonNumber(random));
                case 2 -> marks("A1", 10.5 + random.nextInt(1_000_000));
                case 3 -> marks(randomText(random), 5);
                case 4 -> insertControl(valid, random);
                default -> randomText(random);
            });
        }
        for (String body : bodies) {
            Reply reply = send(body);
            assertThat(reply.status()).as(body + " → " + reply.body()).isBetween(400, 499);
            assertThat(reply.json().getString("error")).isNotBlank();
        }
        assertThat(stored()).isEqualTo(before);
    }

    private static Object randomNonNumber(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextBoolean();
            case 1 -> new JsonArray().add(random.nextInt());
            case 2 -> new JsonObject().put("v", random.nextInt());
            default -> "x" + randomText(random);
        };
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(20);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(random.nextBoolean() ? 0x4e00 + random.nextInt(0x5000) : 33 + random.nextInt(90));
        }
        return "Z" + text;
    }

    private static String insertControl(String json, Random random) {
        int at = 1 + random.nextInt(json.length() - 2);
        return json.substring(0, at) + (char) random.nextInt(9) + json.substring(at);
    }
}
