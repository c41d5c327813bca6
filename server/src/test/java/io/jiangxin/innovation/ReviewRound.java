package io.jiangxin.innovation;

import static io.jiangxin.support.JudgingSetup.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An innovation contest's review event set up through the API as an organizer would: entries e1.. by enterprise,
 * judges by letter from an independent college, and a head judge. Entries are named e1.. in the tests and mapped
 * to the server's entry codes and registration ids here.
 */
final class ReviewRound {

    final Http organizer;
    final Http head;
    final long headId;
    final long contestId;
    final long eventId;
    final Map<String, Http> judges = new HashMap<>();
    final Map<String, Long> judgeIds = new HashMap<>();
    /** e1.. → entry code; registration id → e1.. */
    final Map<String, String> codes = new LinkedHashMap<>();
    final Map<String, String> names = new HashMap<>();
    /** e1.. → the author's person id and registration id. */
    final Map<String, Long> persons = new HashMap<>();
    final Map<String, Long> registrations = new HashMap<>();

    /**
     * @param entriesByEnterprise enterprise name → its entries (e1..), in registration order
     */
    ReviewRound(Http http, Http organizer, String contestName, JsonObject scheme,
                Map<String, List<String>> entriesByEnterprise, List<String> judgeLetters) {
        this(http, organizer, contestName, scheme, entriesByEnterprise, judgeLetters, Map.of());
    }

    /** @param judgeEnterprise judge letter → the enterprise (a key of entriesByEnterprise) the judge works for */
    ReviewRound(Http http, Http organizer, String contestName, JsonObject scheme,
                Map<String, List<String>> entriesByEnterprise, List<String> judgeLetters,
                Map<String, String> judgeEnterprise) {
        this.organizer = organizer;
        long college = created(organizer.post("/api/organizations", new JsonObject().put("name", contestName + "学院")));
        contestId = created(organizer.post("/api/contests", new JsonObject().put("name", contestName)
                .put("kind", "INNOVATION").put("level", "CITY").put("contestClass", "FIRST").put("year", 2026)
                .put("organizer", "潍坊市总工会")));
        eventId = created(organizer.post("/api/contests/" + contestId + "/events",
                new JsonObject().put("name", "技术革新").put("trade", "技术革新")));
        Reply set = organizer.put("/api/events/" + eventId + "/scheme", new JsonObject().put("scheme", scheme));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        int n = 0;
        Map<String, Long> orgs = new HashMap<>();
        for (Map.Entry<String, List<String>> enterprise : entriesByEnterprise.entrySet()) {
            long org = created(organizer.post("/api/organizations",
                    new JsonObject().put("name", contestName + enterprise.getKey())));
            orgs.put(enterprise.getKey(), org);
            for (String entry : enterprise.getValue()) {
                long person = created(organizer.post("/api/people", new JsonObject().put("name", "作者" + entry)
                        .put("employeeNo", "W" + entry).put("organizationId", org)));
                long registration = created(organizer.post("/api/events/" + eventId + "/registrations",
                        new JsonObject().put("personId", person)));
                codes.put(entry, String.format("%03d", ++n));
                names.put(String.valueOf(registration), entry);
                persons.put(entry, person);
                registrations.put(entry, registration);
            }
        }
        for (String judge : judgeLetters) {
            long person = created(organizer.post("/api/people", new JsonObject().put("name", "评委" + judge)
                    .put("employeeNo", "J" + judge).put("organizationId",
                            judgeEnterprise.containsKey(judge) ? orgs.get(judgeEnterprise.get(judge)) : college)));
            JsonObject account = organizer.post("/api/contests/" + contestId + "/judges",
                    new JsonObject().put("personId", person)).json();
            long id = account.getJsonObject("account").getLong("id");
            seat(id, "JUDGE");
            judgeIds.put(judge, id);
            judges.put(judge, http.signIn(account.getString("signInCode")));
        }
        JsonObject headJudge = organizer.post("/api/contests/" + contestId + "/judges",
                new JsonObject().put("displayName", "裁判长")).json();
        headId = headJudge.getJsonObject("account").getLong("id");
        seat(headId, "HEAD_JUDGE");
        head = http.signIn(headJudge.getString("signInCode"));
    }

    /** One judge's mark on one aspect of an entry. */
    void mark(String judge, String entry, String aspect, Object value) {
        Reply marked = once(judges.get(judge)).post(sheet(entry) + "/marks", new JsonObject().put("marks",
                new JsonArray().add(new JsonObject().put("aspectId", aspect).put("value", value))));
        assertThat(marked.status()).as(marked.body()).isEqualTo(201);
    }

    void violation(String entry, String code, int count) {
        Reply reply = once(head).post(sheet(entry) + "/violations", new JsonObject().put("code", code)
                .put("count", count).put("reason", "评审记录 / review record"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    void time(String entry, int seconds) {
        Reply reply = once(head).post(sheet(entry) + "/time", new JsonObject().put("completionSeconds", seconds)
                .put("reason", "答辩计时 / defence timing"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    String sheet(String entry) {
        return "/api/events/" + eventId + "/sheets/" + codes.get(entry);
    }

    /** e1.. of a registration id. */
    String entryOf(String registrationId) {
        return names.get(registrationId);
    }

    /** e1.. of an entry code. */
    String entryOfCode(String code) {
        return codes.entrySet().stream().filter(e -> e.getValue().equals(code)).findFirst().orElseThrow().getKey();
    }

    /** The judge letter of an account id. */
    String judgeOf(String accountId) {
        return judgeIds.entrySet().stream().filter(e -> String.valueOf(e.getValue()).equals(accountId)).findFirst()
                .orElseThrow().getKey();
    }

    static JsonObject scheme(String resource) {
        try (InputStream in = ReviewRound.class.getResourceAsStream(resource)) {
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void seat(long account, String role) {
        seat(eventId, account, role);
    }

    /** Seats the account on an event's panel (a later round's event, say). */
    void seat(long event, long account, String role) {
        Reply reply = organizer.put("/api/events/" + event + "/panel/" + account, new JsonObject().put("role", role));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    static long created(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.id();
    }
}
