package io.jiangxin.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.server.MainAccess;
import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * 抽签 through HTTP: entry codes, then stations; the public verification and the offline CLI agree with what was
 * recorded; judges never see names; refusals are 4xx with reasons; a draw after judging started is 409.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DrawApiIT {

    private static final List<String> NAMES = List.of("选手一", "选手二", "抽签甲", "抽签乙", "抽签丙");
    private static final List<String> STATIONS = List.of("A-01", "A-02", "A-03", "B-01", "B-02", "B-03");

    private TestDatabase database;
    private JiangxinNode node;
    private Http anyone;
    private Http organizer;
    private Http judge;
    private JudgingSetup setup;
    private String draws;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.create();
        node = Nodes.single(database.url());
        anyone = new Http(node.httpPort());
        organizer = anyone.signIn(Nodes.ORGANIZER_CODE);
        setup = new JudgingSetup(organizer, "2026年抽签测试赛");
        judge = anyone.signIn(setup.j1Code);
        long org = organizer.post("/api/organizations", new JsonObject().put("name", "抽签丁厂")).id();
        for (int i = 2; i < NAMES.size(); i++) {
            long person = organizer.post("/api/people", new JsonObject().put("name", NAMES.get(i))
                    .put("employeeNo", "D" + i).put("organizationId", org)).id();
            Reply registered = organizer.post("/api/events/" + setup.eventId + "/registrations",
                    new JsonObject().put("personId", person));
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        }
        draws = "/api/events/" + setup.eventId + "/draws";
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

    private static void assertRefused(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().getString("error")).isEqualTo(code);
        assertThat(reply.json().getString("message")).contains(" / ");
    }

    private static void assertNoNames(Reply reply) {
        for (String name : NAMES) {
            assertThat(reply.body()).doesNotContain(name);
        }
    }

    private static Map<Long, String> assignment(JsonObject draw) {
        Map<Long, String> values = new HashMap<>();
        draw.getJsonArray("assignment").forEach(item -> values.put(((JsonObject) item).getLong("registrationId"),
                ((JsonObject) item).getString("value")));
        return values;
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = MainAccess.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("draw-verify"));
        all.addAll(List.of(args));
        assertThat(commandLine.execute(all.toArray(String[]::new))).as(err.toString()).isZero();
        return out.toString();
    }

    /** The CLI's lines "k \t id \t value" as id → value, and its digest. */
    private static Map<Long, String> cliAssignment(String out) {
        return out.lines().filter(line -> line.split("\t").length == 3)
                .collect(Collectors.toMap(line -> Long.parseLong(line.split("\t")[1]), line -> line.split("\t")[2]));
    }

    private static String ids(JsonObject draw) {
        return draw.getJsonArray("assignment").stream().map(item -> ((JsonObject) item).getLong("registrationId")
                .toString()).collect(Collectors.joining(","));
    }

    @Test
    void drawCodesThenStationsVerifyAndRefuseOnceJudgingStarted() {
        // Refusals before anything is drawn
        assertRefused(anyone.post(draws, new JsonObject().put("kind", "ENTRY_CODES")), 401, "SIGN_IN_REQUIRED");
        assertRefused(judge.post(draws, new JsonObject().put("kind", "ENTRY_CODES")), 403, "ROLE_NOT_ALLOWED");
        assertRefused(organizer.post("/api/events/999999/draws", new JsonObject().put("kind", "ENTRY_CODES")), 404,
                "NOT_FOUND");
        Reply badKind = organizer.post(draws, new JsonObject().put("kind", "SEATS").put("colour", "red"));
        assertRefused(badKind, 400, "INVALID_FIELDS");
        assertThat(badKind.json().getJsonArray("details").encode()).contains("kind", "colour");
        assertRefused(organizer.post(draws, new JsonObject().put("kind", "STATIONS")), 400, "INVALID_FIELDS");
        assertRefused(organizer.post(draws, new JsonObject().put("kind", "STATIONS")
                .put("stations", new JsonArray().add("A").add("A"))), 400, "INVALID_FIELDS");
        assertRefused(organizer.post(draws, new JsonObject().put("kind", "STATIONS")
                .put("stations", new JsonArray().add("A").add("B"))), 400, "INVALID_FIELDS");
        assertThat(anyone.get(draws).json().getJsonArray("items")).isEmpty();
        assertThat(database.queryLong("select count(*) from draw")).isZero();

        // The judge's console has loaded the live state with the hand-given codes
        assertThat(judge.get("/api/events/" + setup.eventId + "/sheets").body()).contains("\"001\"");

        // Round 1: entry codes, with a published seed and an Idempotency-Key
        JsonObject codesRequest = new JsonObject().put("kind", "ENTRY_CODES").put("seed", "2026-焊工-第一轮");
        Reply codes = organizer.key("draw-codes-1").post(draws, codesRequest);
        assertThat(codes.status()).as(codes.body()).isEqualTo(201);
        JsonObject codesDraw = codes.json();
        assertThat(codesDraw.getString("seedSource")).isEqualTo("GIVEN");
        assertThat(codesDraw.getInteger("entrants")).isEqualTo(5);
        assertThat(codesDraw.getJsonArray("assignment").encode()).contains(NAMES.toArray(String[]::new));
        Map<Long, String> codeOf = assignment(codesDraw);
        assertThat(codeOf.values()).containsExactlyInAnyOrder("001", "002", "003", "004", "005");
        Reply replay = organizer.key("draw-codes-1").post(draws, codesRequest);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(replay.json()).isEqualTo(codesDraw);
        assertRefused(organizer.post(draws, codesRequest), 409, "ALREADY_DRAWN");

        // The registrations carry the drawn codes, and the live state was rebuilt with them
        JsonArray registrations = organizer.get("/api/events/" + setup.eventId + "/registrations").json()
                .getJsonArray("items");
        registrations.forEach(item -> assertThat(((JsonObject) item).getString("entryCode"))
                .isEqualTo(codeOf.get(((JsonObject) item).getLong("id"))));
        String judgeSheets = judge.get("/api/events/" + setup.eventId + "/sheets").body();
        assertThat(judgeSheets).contains("\"" + codeOf.get(setup.entry002) + "\"");

        // Round 2: stations, with a seed the server chooses and publishes
        Reply stations = organizer.post(draws, new JsonObject().put("kind", "STATIONS")
                .put("stations", new JsonArray(STATIONS)));
        assertThat(stations.status()).as(stations.body()).isEqualTo(201);
        JsonObject stationsDraw = stations.json();
        assertThat(stationsDraw.getString("seedSource")).isEqualTo("SERVER");
        assertThat(stationsDraw.getString("seed")).matches("[0-9a-f]{32}");
        Map<Long, String> stationOf = assignment(stationsDraw);
        assertThat(STATIONS).containsAll(stationOf.values());
        assertThat(stationOf.values()).doesNotHaveDuplicates().hasSize(5);

        // Anyone can list the draws and verify them; nobody but the organizer sees who got what
        Reply list = anyone.get(draws);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().getJsonArray("items")).hasSize(2);
        assertThat(list.json().getJsonArray("items").getJsonObject(0).getString("seed")).isEqualTo("2026-焊工-第一轮");
        assertThat(list.body()).doesNotContain("assignment");
        assertNoNames(list);
        for (JsonObject draw : List.of(codesDraw, stationsDraw)) {
            Reply verification = anyone.get(draws + "/" + draw.getLong("id") + "/verification");
            assertThat(verification.status()).as(verification.body()).isEqualTo(200);
            assertThat(verification.json().getBoolean("matches")).isTrue();
            assertThat(verification.json().getBoolean("registrationsAgree")).isTrue();
            assertThat(verification.json().getString("recomputedDigest")).isEqualTo(draw.getString("digest"));
            assertNoNames(verification);
            Reply judgeView = judge.get(draws + "/" + draw.getLong("id"));
            assertThat(judgeView.status()).isEqualTo(200);
            assertThat(judgeView.body()).doesNotContain("assignment");
            assertNoNames(judgeView);
        }
        assertNoNames(judge.get(draws));
        assertNoNames(judge.get("/api/events/" + setup.eventId + "/sheets"));
        assertRefused(anyone.get(draws + "/999999/verification"), 404, "NOT_FOUND");

        // The offline CLI recomputes the same assignment and digest from the published seed
        String codesOut = cli("--seed", "2026-焊工-第一轮", "--ids", ids(codesDraw));
        assertThat(cliAssignment(codesOut)).isEqualTo(codeOf);
        assertThat(codesOut).contains("digest: " + codesDraw.getString("digest"));
        String stationsOut = cli("--seed", stationsDraw.getString("seed"), "--ids", ids(stationsDraw),
                "--stations", String.join(",", STATIONS));
        assertThat(cliAssignment(stationsOut)).isEqualTo(stationOf);
        assertThat(stationsOut).contains("digest: " + stationsDraw.getString("digest"));

        // Judging starts: a mark on the entry with its drawn code; then no draw may change codes or stations
        Reply mark = JudgingSetup.once(judge).post(setup.sheet(codeOf.get(setup.entry002)) + "/marks",
                new JsonObject().put("marks", new JsonArray().add(new JsonObject().put("aspectId", "A1").put("value", "8"))));
        assertThat(mark.status()).as(mark.body()).isEqualTo(201);
        assertRefused(organizer.post(draws, new JsonObject().put("kind", "ENTRY_CODES").put("seed", "again")), 409,
                "JUDGING_STARTED");
        assertRefused(organizer.post(draws, new JsonObject().put("kind", "STATIONS")
                .put("stations", new JsonArray(STATIONS))), 409, "JUDGING_STARTED");
        assertThat(database.queryLong("select count(*) from draw")).isEqualTo(2);
    }
}
