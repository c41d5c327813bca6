package io.jiangxin.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The HTTP ceiling's server, started as bench-judging starts it: its own JVM, one verticle instance per core. */
class BareHttpServerTest {

    @Test
    void answersAPostWith201AndAJsonBodyOfTheSizeAsked() throws Exception {
        try (ChildServer bare = ChildServer.start(BareHttpServer.class, "137")) {
            assertThat(bare.readyLine).endsWith(" with " + Runtime.getRuntime().availableProcessors()
                    + " verticle instances");
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(bare.uri + "/api/events/1/sheets/E1/marks"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"marks\":[{\"aspectId\":\"A1\",\"value\":\"7\"}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(201);
            assertThat(answer.body()).hasSize(137).startsWith("{\"pad\":\"x").endsWith("x\"}");
        }
    }

    @Test
    void aSizeBelowTheSmallestObjectGivesTheSmallestObject() {
        assertThat(BareHttpServer.answer(3).toString()).isEqualTo("{\"pad\":\"\"}");
    }
}
