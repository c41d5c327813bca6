package io.jiangxin.innovation;

import static io.jiangxin.support.JudgingSetup.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * 网评分配 over HTTP on two nodes: 12 entries of three enterprises, five judges (J1 works for 甲厂, J2 has declared a
 * conflict with e5), k = 2 from a given seed. Judges list and mark only their entries; a dropped judge's unmarked
 * entries move and the marked ones stay, also while the judge is marking; every run is recorded and re-runs from
 * its seed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewAssignmentApiIT {

    private TestDatabase database;
    private List<JiangxinNode> nodes;
    private Http organizer;
    private Http second;
    private ReviewRound round;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.create();
        nodes = Nodes.cluster(database.url(), 2);
        Http http = new Http(nodes.get(0).httpPort());
        organizer = http.signIn(Nodes.ORGANIZER_CODE);
        second = new Http(nodes.get(1).httpPort());
        Map<String, List<String>> enterprises = new LinkedHashMap<>();
        enterprises.put("甲厂", List.of("e1", "e2", "e3", "e4"));
        enterprises.put("乙厂", List.of("e5", "e6", "e7", "e8"));
        enterprises.put("丙厂", List.of("e9", "e10", "e11", "e12"));
        round = new ReviewRound(second, organizer, "2026年网评分配测试", ReviewRound.scheme("/schemes/harsh-lenient.json"),
                enterprises, List.of("J1", "J2", "J3", "J4", "J5"), Map.of("J1", "甲厂"));
        Reply conflict = organizer.post("/api/events/" + round.eventId + "/conflicts", new JsonObject()
                .put("accountId", round.judgeIds.get("J2")).put("entryCode", round.codes.get("e5"))
                .put("reason", "曾参与该成果研发 / helped develop it"));
        assertThat(conflict.status()).as(conflict.body()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        if (nodes != null) {
            nodes.forEach(JiangxinNode::close);
        }
        if (database != null) {
            database.close();
        }
    }

    private String path() {
        return "/api/events/" + round.eventId + "/review-assignments";
    }

    @Test
    @Order(1)
    void badRequestsAreRefusedWithReasons() {
        Reply judge = round.judges.get("J3").post(path(), new JsonObject().put("k", 2));
        assertThat(judge.status()).as(judge.body()).isEqualTo(403);
        Reply zero = organizer.post(path(), new JsonObject().put("k", 0));
        assertThat(zero.status()).as(zero.body()).isEqualTo(400);
        assertThat(zero.json().getJsonArray("details").getJsonObject(0).getString("field")).isEqualTo("k");
        Reply tooMany = organizer.post(path(), new JsonObject().put("k", 6));
        assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(400);
        assertThat(tooMany.json().getJsonArray("details").getJsonObject(0).getString("reason")).contains(" / ");
        Reply unknown = organizer.post(path(), new JsonObject().put("k", 2).put("judgesPerEntry", 2));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        Reply reassignFirst = organizer.post(path() + "/reassignments",
                new JsonObject().put("accountId", round.judgeIds.get("J3")));
        assertThat(reassignFirst.status()).as(reassignFirst.body()).isEqualTo(409);
        Reply noEvent = organizer.post("/api/events/999999/review-assignments", new JsonObject().put("k", 2));
        assertThat(noEvent.status()).as(noEvent.body()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void theAssignmentRespectsRecusalsBalancesLoadsAndReRunsFromItsSeed() {
        Reply assigned = organizer.post(path(), new JsonObject().put("k", 2).put("seed", "2026-网评"));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(201);
        assertThat(assigned.json().getString("seedSource")).isEqualTo("GIVEN");
        assertThat(assigned.json().getJsonArray("short")).isEmpty();
        Reply again = organizer.post(path(), new JsonObject().put("k", 2));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().getString("error")).isEqualTo("ALREADY_ASSIGNED");

        Map<String, Set<String>> byEntry = assignment();
        assertThat(byEntry).hasSize(12);
        byEntry.values().forEach(judges -> assertThat(judges).hasSize(2));
        for (String entry : List.of("e1", "e2", "e3", "e4")) {
            assertThat(byEntry.get(entry)).as("same enterprise").doesNotContain("J1");
        }
        assertThat(byEntry.get("e5")).as("declared conflict").doesNotContain("J2");
        Map<String, Integer> loads = new HashMap<>();
        byEntry.values().forEach(js -> js.forEach(j -> loads.merge(j, 1, Integer::sum)));
        assertThat(loads.values().stream().mapToInt(Integer::intValue).max().orElseThrow()
                - loads.values().stream().mapToInt(Integer::intValue).min().orElseThrow()).isLessThanOrEqualTo(1);

        JsonObject verified = second.get(path() + "/verification").json();
        assertThat(verified.getBoolean("matches")).isTrue();
        assertThat(verified.getJsonArray("runs").getJsonObject(0).getString("digest"))
                .isEqualTo(assigned.json().getString("digest"));
    }

    @Test
    @Order(3)
    void judgesListAndMarkOnlyTheirEntries() {
        Map<String, Set<String>> byEntry = assignment();
        Http j3 = round.judges.get("J3");
        Set<String> listed = new HashSet<>();
        for (Object item : j3.get("/api/events/" + round.eventId + "/sheets").json().getJsonArray("items")) {
            listed.add(round.entryOfCode(((JsonObject) item).getString("entryCode")));
        }
        Set<String> mine = entriesOf("J3", byEntry);
        assertThat(listed).isEqualTo(mine).isNotEmpty();
        String other = byEntry.keySet().stream().filter(e -> !mine.contains(e)).findFirst().orElseThrow();
        Reply read = j3.get(round.sheet(other));
        assertThat(read.status()).as(read.body()).isEqualTo(403);
        assertThat(read.json().getString("error")).isEqualTo("NOT_ASSIGNED");
        Reply marked = once(j3).post(round.sheet(other) + "/marks", marks(70));
        assertThat(marked.status()).as(marked.body()).isEqualTo(403);
        assertThat(marked.json().getString("error")).isEqualTo("NOT_ASSIGNED");
        String own = mine.iterator().next();
        round.mark("J3", own, "Q", 80);

        JsonObject progress = round.head.get("/api/events/" + round.eventId + "/review-progress").json();
        JsonObject judge = find(progress.getJsonArray("judges"), "accountId", round.judgeIds.get("J3"));
        assertThat(judge.getInteger("assigned")).isEqualTo(mine.size());
        assertThat(judge.getInteger("marked")).isEqualTo(1);
        assertThat(judge.getInteger("missing")).isEqualTo(mine.size() - 1);
        JsonObject entry = find(progress.getJsonArray("entries"), "entryCode", round.codes.get(own));
        assertThat(entry.getInteger("marked")).isEqualTo(1);
        assertThat(entry.getInteger("missing")).isEqualTo(1);
        Reply asJudge = j3.get("/api/events/" + round.eventId + "/review-progress");
        assertThat(asJudge.status()).as(asJudge.body()).isEqualTo(403);
    }

    @Test
    @Order(4)
    void aDroppedJudgesUnmarkedEntriesMoveTheMarkedOneStaysAndTheRunIsAudited() {
        Map<String, Set<String>> before = assignment();
        Set<String> mine = entriesOf("J3", before);
        Reply reassigned = organizer.post(path() + "/reassignments",
                new JsonObject().put("accountId", round.judgeIds.get("J3")).put("seed", "J3-退出"));
        assertThat(reassigned.status()).as(reassigned.body()).isEqualTo(201);
        JsonObject body = reassigned.json();
        assertThat(body.getJsonArray("kept")).hasSize(1);
        assertThat(body.getJsonArray("moves")).hasSize(mine.size() - 1);

        Map<String, Set<String>> after = assignment();
        String kept = round.entryOfCode(body.getJsonArray("kept").getString(0));
        assertThat(entriesOf("J3", after)).containsExactly(kept);
        for (String entry : before.keySet()) {
            if (!mine.contains(entry)) {
                assertThat(after.get(entry)).as("an entry J3 did not have").isEqualTo(before.get(entry));
            } else if (!entry.equals(kept)) {
                assertThat(after.get(entry)).doesNotContain("J3").hasSize(2);
                assertThat(after.get(entry)).containsAll(before.get(entry).stream().filter(j -> !j.equals("J3")).toList());
            }
        }
        assertThat(after.get("e5")).doesNotContain("J2");
        for (String entry : List.of("e1", "e2", "e3", "e4")) {
            assertThat(after.get(entry)).doesNotContain("J1");
        }
        JsonObject view = round.head.get(path()).json();
        JsonObject run = view.getJsonArray("runs").getJsonObject(1);
        assertThat(run.getString("kind")).isEqualTo("REASSIGN");
        assertThat(run.getLong("droppedJudge")).isEqualTo(round.judgeIds.get("J3"));
        assertThat(run.getJsonObject("runBy").getString("name")).isNotBlank();
        assertThat(second.get(path() + "/verification").json().getBoolean("matches")).isTrue();

        String moved = mine.stream().filter(e -> !e.equals(kept)).findFirst().orElseThrow();
        Reply late = once(round.judges.get("J3")).post(round.sheet(moved) + "/marks", marks(60));
        assertThat(late.status()).as(late.body()).isEqualTo(403);
        String newJudge = after.get(moved).stream().filter(j -> !before.get(moved).contains(j)).findFirst()
                .orElseThrow();
        round.mark(newJudge, moved, "Q", 65);
    }

    @Test
    @Order(5)
    void aReassignmentRacingAJudgesMarksLeavesEveryMarkWithItsJudge() throws Exception {
        Map<String, Set<String>> before = assignment();
        Set<String> mine = entriesOf("J4", before);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Reply>> marks = new ArrayList<>();
            for (String entry : mine) {
                marks.add(() -> once(round.judges.get("J4")).post(round.sheet(entry) + "/marks", marks(75)));
            }
            Future<Reply> reassign = pool.submit(() -> organizer.post(path() + "/reassignments",
                    new JsonObject().put("accountId", round.judgeIds.get("J4"))));
            List<Future<Reply>> marked = pool.invokeAll(marks);
            assertThat(reassign.get().status()).as(reassign.get().body()).isEqualTo(201);
            Set<String> accepted = new HashSet<>();
            for (int i = 0; i < marked.size(); i++) {
                Reply reply = marked.get(i).get();
                // Which marks land before the reassignment is the race this test provokes: each is either
                // recorded or refused as no longer assigned; what follows checks the assignment agrees with it.
                assertThat(reply.status()).as(reply.body()).isIn(201, 403);
                if (reply.status() == 201) {
                    accepted.add(round.entryOfCode(reply.json().getString("entryCode")));
                } else {
                    assertThat(reply.json().getString("error")).isEqualTo("NOT_ASSIGNED");
                }
            }
            Map<String, Set<String>> after = assignment();
            // Every mark that got in stays with its judge; every entry taken from J4 carries no mark of J4.
            assertThat(entriesOf("J4", after)).isEqualTo(accepted);
            JsonObject progress = round.head.get("/api/events/" + round.eventId + "/review-progress").json();
            for (String entry : mine) {
                JsonObject line = find(progress.getJsonArray("entries"), "entryCode", round.codes.get(entry));
                boolean j4Marked = line.getJsonArray("judges").stream().map(o -> (JsonObject) o)
                        .anyMatch(j -> j.getLong("accountId").equals(round.judgeIds.get("J4")) && j.getBoolean("marked"));
                assertThat(j4Marked).as(entry).isEqualTo(accepted.contains(entry));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Map<String, Set<String>> assignment() {
        Reply reply = organizer.get(path());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Map<String, Set<String>> byEntry = new HashMap<>();
        for (Object o : reply.json().getJsonArray("entries")) {
            JsonObject entry = (JsonObject) o;
            Set<String> judges = new HashSet<>();
            entry.getJsonArray("judges").forEach(j -> judges.add(round.judgeOf(
                    String.valueOf(((JsonObject) j).getLong("accountId")))));
            byEntry.put(round.entryOfCode(entry.getString("entryCode")), judges);
        }
        return byEntry;
    }

    private static Set<String> entriesOf(String judge, Map<String, Set<String>> byEntry) {
        Set<String> entries = new HashSet<>();
        byEntry.forEach((entry, judges) -> {
            if (judges.contains(judge)) {
                entries.add(entry);
            }
        });
        return entries;
    }

    private static JsonObject marks(int value) {
        return new JsonObject().put("marks", new JsonArray().add(new JsonObject().put("aspectId", "Q").put("value", value)));
    }

    private static JsonObject find(JsonArray array, String field, Object value) {
        return array.stream().map(o -> (JsonObject) o).filter(o -> String.valueOf(o.getValue(field))
                .equals(String.valueOf(value))).findFirst().orElseThrow(() -> new AssertionError(field + "=" + value
                + " not in " + array.encode()));
    }
}
