package io.jiangxin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.cluster.SignInThrottle;
import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Sign-in codes, bearer tokens, expiry, revocation across nodes, and sign-in throttling. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionsIT {

    private TestDatabase database;
    private List<JiangxinNode> cluster;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.create();
        cluster = Nodes.cluster(database.url(), 2);
    }

    @AfterAll
    void stop() {
        cluster.forEach(JiangxinNode::close);
        database.close();
    }

    @Test
    void aTokenFromOneNodeWorksOnTheOtherAndRevocationReachesBoth() {
        Http a = new Http(cluster.get(0).httpPort());
        Http b = new Http(cluster.get(1).httpPort());
        Reply signIn = a.post("/api/sessions", new JsonObject().put("code", Nodes.ORGANIZER_CODE.toLowerCase())
                .put("device", "tablet-07"));
        assertThat(signIn.status()).as("codes are case-insensitive").isEqualTo(201);
        String token = signIn.json().getString("token");
        assertThat(signIn.json().getJsonObject("account").getString("kind")).isEqualTo("ORGANIZER");
        assertThat(b.as(token).get("/api/sessions/current").json().getString("kind")).isEqualTo("ORGANIZER");

        assertThat(a.as(token).delete("/api/sessions/current").status()).isEqualTo(200);
        Reply afterRevoke = b.as(token).get("/api/sessions/current");
        assertThat(afterRevoke.status()).isEqualTo(401);
        assertThat(afterRevoke.json().getString("error")).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void anOrganizerRevokesEveryTabletOfAJudge() {
        Http organizer = new Http(cluster.get(0).httpPort()).signIn(Nodes.ORGANIZER_CODE);
        long contest = organizer.post("/api/contests", new JsonObject().put("name", "吊销测试赛").put("kind", "SKILLS")
                .put("level", "COUNTY").put("year", 2026).put("organizer", "工会")).id();
        JsonObject issued = organizer.post("/api/contests/" + contest + "/judges",
                new JsonObject().put("displayName", "裁判")).json();
        long account = issued.getJsonObject("account").getLong("id");
        Http tablet = new Http(cluster.get(1).httpPort()).signIn(issued.getString("signInCode"));
        assertThat(tablet.get("/api/sessions/current").status()).isEqualTo(200);

        assertThat(organizer.delete("/api/accounts/" + account + "/sessions").json().getInteger("revoked"))
                .isEqualTo(1);
        assertThat(tablet.get("/api/sessions/current").status()).isEqualTo(401);

        JsonObject reissued = organizer.post("/api/accounts/" + account + "/sign-in-code", new JsonObject()).json();
        Reply oldCode = new Http(cluster.get(1).httpPort()).post("/api/sessions",
                new JsonObject().put("code", issued.getString("signInCode")));
        assertThat(oldCode.status()).isEqualTo(401);
        assertThat(oldCode.json().getString("error")).isEqualTo("BAD_CODE");
        assertThat(new Http(cluster.get(0).httpPort()).signIn(reissued.getString("signInCode"))
                .get("/api/sessions/current").status()).isEqualTo(200);
    }

    @Test
    void signInAttemptsAreLimitedPerCode() {
        Http http = new Http(cluster.get(1).httpPort());
        String guessed = "GUESSED-CODE-X";
        for (int i = 0; i < SignInThrottle.PER_CODE_PER_MINUTE; i++) {
            assertThat(http.post("/api/sessions", new JsonObject().put("code", guessed)).status()).isEqualTo(401);
        }
        // The next attempt lands on the other node: the count is the cluster's, not the node's.
        Reply throttled = new Http(cluster.get(0).httpPort()).post("/api/sessions",
                new JsonObject().put("code", guessed));
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.json().getString("error")).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void badSignInBodiesAre400() {
        Http http = new Http(cluster.get(0).httpPort());
        assertThat(http.post("/api/sessions", new JsonObject()).status()).isEqualTo(400);
        assertThat(http.post("/api/sessions", new JsonObject().put("code", 12345678)).status()).isEqualTo(400);
        assertThat(http.as("x".repeat(300)).get("/api/contests").status()).isEqualTo(401);
    }

    @Test
    void aTokenExpires() throws Exception {
        io.jiangxin.support.MovableClock clock = new io.jiangxin.support.MovableClock();
        try (JiangxinNode shortLived = Nodes.withSessionLifetime(database.url(), Duration.ofHours(1), clock)) {
            Http http = new Http(shortLived.httpPort()).signIn(Nodes.ORGANIZER_CODE);
            assertThat(http.get("/api/sessions/current").status()).isEqualTo(200);
            clock.advance(Duration.ofMinutes(59));
            assertThat(http.get("/api/sessions/current").status()).isEqualTo(200);
            clock.advance(Duration.ofMinutes(2));
            Reply expired = http.get("/api/sessions/current");
            assertThat(expired.status()).isEqualTo(401);
            assertThat(expired.json().getString("message")).contains("过期").contains("expired");
        }
    }
}
