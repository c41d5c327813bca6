package io.jiangxin.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Numbers with bounds and input that is refused rather than reinterpreted, over HTTP: huge exponents, fullwidth
 * and Arabic-Indic digits, spaces around a number, duplicate keys, lone surrogates and bytes that are not UTF-8
 * are each a 400 with a reason, store nothing, and leave the node serving.
 */
class StrictInputIT {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static JudgingSetup setup;
    private static Http judge;
    private static Http organizer;

    @BeforeAll
    static void setUp() {
        organizer = server.organizer();
        setup = new JudgingSetup(organizer, "2026年严格输入测试赛");
        judge = server.anonymous().signIn(setup.j1Code);
    }

    private static long stored() {
        return server.database().queryLong("select (select count(*) from score_event) + (select count(*) from idempotency)"
                + " + (select count(*) from organization)");
    }

    private static Reply mark(String rawValue) {
        String body = "{\"marks\":[{\"aspectId\":\"A1\",\"value\":" + rawValue + "}]}";
        return judge.key(UUID.randomUUID().toString()).sendBody("POST", setup.sheet("001") + "/marks", body,
                "application/json");
    }

    private static void assertRefused(Reply reply, String error, String what) {
        assertThat(reply.status()).as(what + " → " + reply.body()).isEqualTo(400);
        assertThat(reply.json().getString("error")).as(what).isEqualTo(error);
        assertThat(reply.json().getString("message")).as(what).contains(" / ");
        assertThat(reply.body()).as(what + ": no unbounded echo").hasSizeLessThan(1000);
    }

    @Test
    void hugeExponentsAreRefusedBeforeAnyArithmeticAndTheNodeKeepsServing() {
        long before = stored();
        long started = System.nanoTime();
        for (String value : new String[] {"\"1e999999999\"", "1e999999999", "\"1e100000\"", "1e100000",
                "\"-1e-999999999\"", "1E+2147483647", "\"" + "9".repeat(25) + "\"", "0." + "0".repeat(20) + "5",
                "9".repeat(500), "0." + "1".repeat(500)}) {
            Reply reply = mark(value);
            assertRefused(reply, "INVALID_FIELDS", value);
            assertThat(reply.json().getJsonArray("details").getJsonObject(0).getString("field")).as(value)
                    .isEqualTo("marks[0].value");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(stored()).isEqualTo(before);
        Reply fine = mark("\"7.5\"");
        assertThat(fine.status()).as(fine.body()).isEqualTo(201);
    }

    @Test
    void foreignDigitsAndSpacesAroundANumberAreRefusedNotStoredAsFive() {
        long before = stored();
        for (String value : new String[] {"\"５\"", "\"٥\"", "\"۵\"", "\" 5\"", "\"5 \"", "\"+5\"", "\"5.\""}) {
            Reply reply = mark(value);
            assertRefused(reply, "INVALID_FIELDS", value);
            assertThat(reply.json().getJsonArray("details").getJsonObject(0).getString("reason")).as(value)
                    .contains("only ASCII digits");
        }
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void duplicateKeysAreRefusedAtEveryDepth() {
        long before = stored();
        assertRefused(organizer.sendBody("POST", "/api/organizations", "{\"name\":\"甲单位\",\"name\":\"乙单位\"}",
                "application/json"), "DUPLICATE_KEY", "a top-level key twice");
        Reply nested = judge.key(UUID.randomUUID().toString()).sendBody("POST", setup.sheet("001") + "/marks",
                "{\"marks\":[{\"aspectId\":\"A1\",\"value\":5,\"value\":6}]}", "application/json");
        assertRefused(nested, "DUPLICATE_KEY", "a key twice inside a mark");
        assertThat(nested.json().getJsonArray("details").getJsonObject(0).getString("field")).isEqualTo("marks[0].value");
        Reply scheme = organizer.sendBody("PUT", "/api/events/" + setup.eventId + "/scheme",
                "{\"schemeYaml\": \"id: a\\nid: b\\n\"}", "application/json");
        assertThat(scheme.status()).as(scheme.body()).isEqualTo(400);
        assertThat(scheme.body()).contains("Duplicate field 'id'");
        assertThat(stored()).isEqualTo(before);
        assertThat(server.database().queryLong("select count(*) from organization where name in ('甲单位', '乙单位')")).isZero();
    }

    @Test
    void loneSurrogatesAndInvalidUtf8AreRefusedNotStoredAsQuestionMarks() {
        long before = stored();
        assertRefused(organizer.sendBody("POST", "/api/organizations", "{\"name\":\"单位\\ud800\"}", "application/json"),
                "INVALID_UNICODE", "an escaped lone surrogate");
        assertRefused(organizer.sendBody("POST", "/api/organizations", "{\"name\\udc00\":\"单位\"}", "application/json"),
                "INVALID_UNICODE", "a lone surrogate in a key");
        byte[] cesu = "{\"name\":\"单位X\"}".getBytes(StandardCharsets.UTF_8);
        int x = indexOf(cesu, (byte) 'X');
        byte[] rawSurrogate = new byte[cesu.length + 2];
        System.arraycopy(cesu, 0, rawSurrogate, 0, x);
        rawSurrogate[x] = (byte) 0xED;
        rawSurrogate[x + 1] = (byte) 0xA0;
        rawSurrogate[x + 2] = (byte) 0x80;
        System.arraycopy(cesu, x + 1, rawSurrogate, x + 3, cesu.length - x - 1);
        Reply raw = organizer.sendBytes("POST", "/api/organizations", rawSurrogate, "application/json");
        assertThat(raw.status()).as(raw.body()).isEqualTo(400);
        byte[] invalid = "{\"name\":\"单位X\"}".getBytes(StandardCharsets.UTF_8);
        invalid[indexOf(invalid, (byte) 'X')] = (byte) 0xFF;
        assertRefused(organizer.sendBytes("POST", "/api/organizations", invalid, "application/json"),
                "INVALID_UTF8", "a byte that is not UTF-8");
        assertThat(stored()).isEqualTo(before);
        Reply fine = organizer.post("/api/organizations", new JsonObject().put("name", "单位😀"));
        assertThat(fine.status()).as("a real supplementary character is fine").isEqualTo(201);
        assertThat(organizer.get("/api/organizations/" + fine.id()).json().getString("name")).isEqualTo("单位😀");
    }

    @Test
    void idsInPathsAndQueriesAreAsciiDigitsOnly() {
        long sessions = server.database().queryLong("select count(*) from session");
        // Long.parseLong reads "５" and "٥" as 5: /api/accounts/５/sessions reached account 5 and signed it in.
        for (String id : new String[] {"%EF%BC%95", "%D9%A5", "+5", "5%20"}) {
            Reply reply = organizer.sendBody("POST", "/api/accounts/" + id + "/sessions", "", null);
            assertThat(reply.status()).as(id + " → " + reply.body()).isEqualTo(404);
        }
        assertThat(server.database().queryLong("select count(*) from session")).isEqualTo(sessions);
        Reply query = organizer.get("/api/organizations?limit=%EF%BC%95");
        assertThat(query.status()).as(query.body()).isEqualTo(400);
        assertThat(query.json().getString("error")).isEqualTo("INVALID_QUERY");
        assertThat(organizer.get("/api/organizations?limit=5").status()).isEqualTo(200);
    }

    @Test
    void boardSocketsAndOtherVertxParsesRefuseDuplicateKeysToo() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new JsonObject("{\"a\":1,\"a\":2}"))
                .isInstanceOf(io.vertx.core.json.DecodeException.class).hasMessageContaining("Duplicate field");
        assertThat(new JsonArray("[1,2]").size()).isEqualTo(2);
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new IllegalArgumentException();
    }
}
