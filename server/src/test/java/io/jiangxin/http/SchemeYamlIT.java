package io.jiangxin.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.engine.io.SchemeFiles;
import io.jiangxin.fixtures.DemoSeason;
import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A marking scheme sent as the text of a YAML scheme file ({@code schemeYaml}), as the organizer console does with
 * a .yaml file, and the refusals of a bad one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemeYamlIT {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private Http organizer;
    private long eventId;

    @BeforeAll
    void start() throws Exception {
        organizer = server.organizer();
        long contest = organizer.post("/api/contests", new JsonObject().put("name", "评分标准文件测试赛")
                .put("kind", "SKILLS").put("level", "CITY").put("contestClass", "FIRST").put("year", 2026)
                .put("organizer", "潍坊市总工会")).id();
        eventId = organizer.post("/api/contests/" + contest + "/events", new JsonObject().put("name", "焊工")).id();
    }

    private String welding() throws Exception {
        return SchemeFiles.writeYaml(SchemeFiles.read(DemoSeason.scheme("welding")));
    }

    private Reply put(JsonObject body) {
        return organizer.put("/api/events/" + eventId + "/scheme", body);
    }

    @Test
    void aYamlSchemeFileIsStoredAsTheSameSchemeAsItsJson() throws Exception {
        String yaml = welding().replace("\n", "\r\n");
        Reply reply = put(new JsonObject().put("schemeYaml", yaml).put("appealWindowMinutes", 60));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().getString("schemeId")).isEqualTo("welding-2026-city");
        assertThat(reply.json().getInteger("aspects")).isEqualTo(5);

        JsonObject stored = server.anonymous().get("/api/events/" + eventId + "/scheme").json();
        assertThat(stored.getInteger("appealWindowMinutes")).isEqualTo(60);
        assertThat(SchemeFiles.read(stored.getJsonObject("scheme").encode()))
                .isEqualTo(SchemeFiles.read(DemoSeason.scheme("welding")));
    }

    @Test
    void aSchemeAndItsYamlTogetherAreRefusedNamingTheField() throws Exception {
        Reply reply = put(new JsonObject().put("scheme", new JsonObject(DemoSeason.scheme("welding")))
                .put("schemeYaml", welding()));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().getString("error")).isEqualTo("INVALID_FIELDS");
        assertThat(fields(reply)).contains("schemeYaml");
    }

    @Test
    void yamlThatIsNotTextOrIsBlankIsRefused() {
        for (Object bad : new Object[] {"   ", 42, new JsonObject().put("id", "x")}) {
            Reply reply = put(new JsonObject().put("schemeYaml", bad));
            assertThat(reply.status()).as(String.valueOf(bad)).isEqualTo(400);
            assertThat(fields(reply)).containsExactly("schemeYaml");
            assertThat(reply.json().getString("message")).contains(" / ");
        }
    }

    @Test
    void malformedYamlNamesTheLine() {
        Reply reply = put(new JsonObject().put("schemeYaml", "id: broken\nparts: [\n  - {id: p\n"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().getString("error")).isEqualTo("INVALID_SCHEME");
        assertThat(fields(reply)).isNotEmpty().allMatch(f -> f.startsWith("schemeYaml.line "));
    }

    @Test
    void aYamlSchemeThatBreaksTheRulesNamesThePath() throws Exception {
        Reply reply = put(new JsonObject().put("schemeYaml", welding().replace("maximum: 40", "maximum: -40")));
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().getString("error")).isEqualTo("INVALID_SCHEME");
        assertThat(reply.json().getJsonArray("details").getJsonObject(0).getString("reason")).contains(" / ");
        assertThat(fields(reply)).isNotEmpty().anyMatch(f -> f.startsWith("scheme."))
                .noneMatch(f -> f.startsWith("schemeYaml"));
    }

    private static java.util.List<String> fields(Reply reply) {
        JsonArray details = reply.json().getJsonArray("details");
        return details.stream().map(d -> ((JsonObject) d).getString("field")).toList();
    }
}
