package io.jiangxin.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.support.Http.Reply;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * An event ready for judging, set up through the API as an organizer would: the test scheme, two entries
 * (001 from 甲厂, 002 from 丙厂), judges j1 and j2 from 乙学院, j3 from 甲厂 (so recused from 001), and a head judge.
 */
public final class JudgingSetup {

    public final Http organizer;
    public final long contestId;
    public final long eventId;
    public final long j1;
    public final long j2;
    public final long j3;
    public final long head;
    public final String j1Code;
    public final String j2Code;
    public final String j3Code;
    public final String headCode;
    public final String arbiterCode;
    public final long entry001;
    public final long entry002;

    public JudgingSetup(Http organizer, String contestName) {
        this(organizer, contestName, "SKILLS", testScheme());
    }

    /** The same set-up for a contest of another kind (for example a TRAINING assessment) with its own scheme. */
    public JudgingSetup(Http organizer, String contestName, String kind, JsonObject markingScheme) {
        this.organizer = organizer;
        long orgA = created(organizer.post("/api/organizations", new JsonObject().put("name", contestName + "甲厂")));
        long orgB = created(organizer.post("/api/organizations", new JsonObject().put("name", contestName + "乙学院")));
        long orgC = created(organizer.post("/api/organizations", new JsonObject().put("name", contestName + "丙厂")));
        long p1 = person(orgA, "P1", "选手一");
        long p2 = person(orgC, "P2", "选手二");
        contestId = created(organizer.post("/api/contests", new JsonObject().put("name", contestName)
                .put("kind", kind).put("level", "CITY").put("contestClass", "FIRST").put("year", 2026)
                .put("organizer", "潍坊市总工会")));
        eventId = created(organizer.post("/api/contests/" + contestId + "/events",
                new JsonObject().put("name", "焊工").put("trade", "焊工")));
        Reply scheme = organizer.put("/api/events/" + eventId + "/scheme",
                new JsonObject().put("scheme", markingScheme).put("appealWindowMinutes", 120));
        assertThat(scheme.status()).as(scheme.body()).isEqualTo(200);
        entry001 = created(organizer.post("/api/events/" + eventId + "/registrations",
                new JsonObject().put("personId", p1).put("station", "A-01")));
        entry002 = created(organizer.post("/api/events/" + eventId + "/registrations",
                new JsonObject().put("personId", p2).put("station", "A-02")));

        JsonObject judge1 = judge(person(orgB, "J1", "裁判一"));
        JsonObject judge2 = judge(person(orgB, "J2", "裁判二"));
        JsonObject judge3 = judge(person(orgA, "J3", "裁判三"));
        JsonObject headJudge = organizer.post("/api/contests/" + contestId + "/judges",
                new JsonObject().put("displayName", "裁判长")).json();
        j1 = judge1.getJsonObject("account").getLong("id");
        j2 = judge2.getJsonObject("account").getLong("id");
        j3 = judge3.getJsonObject("account").getLong("id");
        head = headJudge.getJsonObject("account").getLong("id");
        j1Code = judge1.getString("signInCode");
        j2Code = judge2.getString("signInCode");
        j3Code = judge3.getString("signInCode");
        headCode = headJudge.getString("signInCode");
        arbiterCode = organizer.post("/api/contests/" + contestId + "/arbiters",
                new JsonObject().put("displayName", "仲裁组长")).json().getString("signInCode");
        panel(j1, "JUDGE");
        panel(j2, "JUDGE");
        panel(j3, "JUDGE");
        panel(head, "HEAD_JUDGE");
    }

    public static JsonObject testScheme() {
        try (InputStream in = JudgingSetup.class.getResourceAsStream("/schemes/judging-test.json")) {
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh Idempotency-Key for one write. */
    public static Http once(Http http) {
        return http.key(UUID.randomUUID().toString());
    }

    public String sheet(String code) {
        return "/api/events/" + eventId + "/sheets/" + code;
    }

    private long person(long organization, String employeeNo, String name) {
        return created(organizer.post("/api/people", new JsonObject().put("name", name).put("employeeNo", employeeNo)
                .put("organizationId", organization)));
    }

    private JsonObject judge(long personId) {
        Reply reply = organizer.post("/api/contests/" + contestId + "/judges", new JsonObject().put("personId", personId));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    private void panel(long account, String role) {
        Reply reply = organizer.put("/api/events/" + eventId + "/panel/" + account, new JsonObject().put("role", role));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private static long created(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.id();
    }
}
