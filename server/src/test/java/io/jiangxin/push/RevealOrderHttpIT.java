package io.jiangxin.push;

import static io.jiangxin.support.JudgingSetup.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.support.BoardViewer;
import io.jiangxin.support.Http;
import io.jiangxin.support.JudgingPanel;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.Marks;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 揭榜 through the API, as the ceremony runs it: the board is frozen before anything is marked, both entries are
 * judged after the freeze, and each step uncovers the lowest place first, so the winner comes last.
 */
class RevealOrderHttpIT {

    @RegisterExtension
    static final TestServer SERVER = TestServer.perClass();

    @Test
    void entriesJudgedAfterTheFreezeAreUncoveredFromTheLowestPlaceUpAndTheWinnerLast() throws Exception {
        Http anonymous = new Http(SERVER.port());
        String token = anonymous.post("/api/sessions", new JsonObject().put("code", Nodes.ORGANIZER_CODE)).json()
                .getString("token");
        Http organizer = anonymous.as(token);
        JudgingSetup setup = new JudgingSetup(organizer, "2026年揭榜顺序测试赛");
        JudgingPanel panel = new JudgingPanel(anonymous, setup);
        String board = "/api/events/" + setup.eventId + "/board";
        assertThat(once(organizer).post(board + "/freeze", new JsonObject()).status()).isEqualTo(201);

        // 001 (entry order first) wins; 002 places second. Both are judged only after the freeze.
        panel.markByBothJudges("001", Marks.of("A1", 10, "A2", 10, "Y1", 10));
        panel.markByBothJudges("002", Marks.of("A1", 5, "A2", 5, "Y1", 10));
        JsonObject frozen = anonymous.get(board).json();
        assertThat(frozen.getBoolean("frozen")).isTrue();
        assertThat(frozen.getJsonArray("rows")).as("the frozen board shows neither yet").isEmpty();
        assertThat(frozen.getInteger("revealsLeft")).isEqualTo(2);

        try (BoardViewer viewer = BoardViewer.connect(SERVER.port())) {
            viewer.subscribe(setup.eventId, "PUBLIC", null, null);
            viewer.await(m -> "snapshot".equals(m.getString("type")), 5_000);

            assertThat(once(organizer).post(board + "/reveal", new JsonObject()).status()).isEqualTo(201);
            JsonObject first = viewer.await(m -> "delta".equals(m.getString("type")), 5_000);
            assertThat(first.getString("revealed")).as("the lower place is uncovered first").isEqualTo("002");
            JsonObject afterFirst = anonymous.get(board).json();
            assertThat(codes(afterFirst.getJsonArray("rows"))).containsExactly("002");
            assertThat(afterFirst.getInteger("revealsLeft")).isEqualTo(1);

            assertThat(once(organizer).post(board + "/reveal", new JsonObject()).status()).isEqualTo(201);
            JsonObject second = viewer.await(m -> "delta".equals(m.getString("type")), 5_000);
            assertThat(second.getString("revealed")).as("the winner is uncovered last").isEqualTo("001");
        }

        JsonObject revealed = anonymous.get(board).json();
        assertThat(revealed.getInteger("revealsLeft")).isZero();
        assertThat(codes(revealed.getJsonArray("rows"))).containsExactly("001", "002");
        JsonObject jury = organizer.get(board + "?view=JURY").json();
        assertThat(revealed.getJsonArray("rows")).as("the public board now equals the jury board")
                .isEqualTo(jury.getJsonArray("rows"));
        Http.Reply more = once(organizer).post(board + "/reveal", new JsonObject());
        assertThat(more.status()).isEqualTo(409);
        assertThat(more.json().getString("error")).isEqualTo("NOTHING_TO_REVEAL");
    }

    private static List<String> codes(JsonArray rows) {
        return rows.stream().map(r -> ((JsonObject) r).getString("entry")).toList();
    }
}
