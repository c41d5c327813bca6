package io.jiangxin.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The served API document is enforced at the edge, whatever the routes behind it would accept: here every route
 * behind the gate accepts anything, so each refusal below is the document's. Loading the gate also proves the
 * document is a valid OpenAPI 3.0 contract.
 */
class ContractGateTest {

    private static Vertx vertx;
    private static HttpServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        ContractGate gate = ContractGate.load(vertx).await(30, TimeUnit.SECONDS);
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false));
        router.route().handler(gate::handle);
        // A route that takes anything: what it answers for a body the document refuses is that refusal, read the
        // way every route reads its body.
        router.route().handler(ctx -> {
            try {
                if (ctx.body() != null && ctx.body().length() > 0) {
                    JsonInput.of(ctx, ctx.body().asJsonObject().fieldNames()).check();
                }
                Responses.json(ctx, 200, new JsonObject().put("accepted", true));
            } catch (RuntimeException refused) {
                Responses.error(ctx, refused);
            }
        });
        server = vertx.createHttpServer().requestHandler(router).listen(0).await(30, TimeUnit.SECONDS);
        client = vertx.createHttpClient();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().await(30, TimeUnit.SECONDS);
    }

    @Test
    void aBodyThatBreaksItsSchemaIsRefusedNamingTheField() throws Exception {
        Answer answer = send(HttpMethod.POST, "/api/contests", new JsonObject().put("name", 5).put("kind", "SKILLS")
                .put("level", "ENTERPRISE").put("year", 2026).put("organizer", "工会"));
        assertThat(answer.status).isEqualTo(400);
        assertThat(answer.body.getString("error")).isEqualTo("INVALID_FIELDS");
        assertThat(fields(answer)).contains("name");
    }

    @Test
    void aMissingRequiredPropertyIsNamedAsItself() throws Exception {
        Answer answer = send(HttpMethod.POST, "/api/organizations", new JsonObject().put("region", "潍坊"));
        assertThat(answer.status).isEqualTo(400);
        assertThat(fields(answer)).contains("name");
    }

    @Test
    void aQueryParameterOutOfItsRangeIsInvalidQueryAndAnImpossibleIdIsNotFound() throws Exception {
        Answer limit = send(HttpMethod.GET, "/api/contests?limit=0", null);
        assertThat(limit.status).isEqualTo(400);
        assertThat(limit.body.getString("error")).isEqualTo("INVALID_QUERY");
        assertThat(fields(limit)).containsExactly("limit");
        // every bad parameter is named at once
        assertThat(fields(send(HttpMethod.GET, "/api/contests?limit=0&offset=-1&year=soon", null)))
                .containsExactlyInAnyOrder("limit", "offset", "year");
        assertThat(send(HttpMethod.GET, "/api/contests/abc", null).status).isEqualTo(404);
    }

    @Test
    void whatTheDocumentAllowsPassesAndPathsItDoesNotDescribeAreLeftToTheRouter() throws Exception {
        assertThat(send(HttpMethod.GET, "/api/contests?limit=10&year=2026", null).status).isEqualTo(200);
        assertThat(send(HttpMethod.POST, "/api/organizations", new JsonObject().put("name", "潍柴动力")).status)
                .isEqualTo(200);
        assertThat(send(HttpMethod.GET, "/api/not-in-the-document", null).status).isEqualTo(200);
        // text that looks like a number is still text where the document says text
        assertThat(send(HttpMethod.GET, "/api/organizations?q=2026&region=001", null).status).isEqualTo(200);
        // an optional field given as null is the same as one left out; a required one is not
        assertThat(send(HttpMethod.POST, "/api/organizations", new JsonObject().put("name", "潍柴动力")
                .putNull("region")).status).isEqualTo(200);
        assertThat(send(HttpMethod.POST, "/api/organizations", new JsonObject().putNull("name")).status)
                .isEqualTo(400);
    }

    private static List<String> fields(Answer answer) {
        return answer.body.getJsonArray("details").stream().map(d -> ((JsonObject) d).getString("field")).toList();
    }

    private record Answer(int status, JsonObject body) {
    }

    private static Answer send(HttpMethod method, String uri, JsonObject body) throws Exception {
        return client.request(method, server.actualPort(), "127.0.0.1", uri)
                .compose(request -> {
                    if (body != null) {
                        request.putHeader("Content-Type", "application/json");
                        return request.send(body.encode());
                    }
                    return request.send();
                })
                .compose(response -> response.body().map(buffer -> new Answer(response.statusCode(),
                        buffer.length() == 0 ? new JsonObject() : buffer.toJsonObject())))
                .await(30, TimeUnit.SECONDS);
    }
}
