package io.jiangxin.judging;

import static io.jiangxin.support.JudgingSetup.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.jiangxin.cluster.Projections;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole judging flow through HTTP against a two-node cluster: judges on different nodes mark the same
 * entry, the head judge resolves a disagreement, locks and signs off, and an upheld appeal reopens a sheet.
 * The cluster is shared; each test judges its own contest, brought to where its step begins by the steps below.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JudgingFlowIT {

    private TestDatabase database;
    private final List<JiangxinNode> nodes = new ArrayList<>();
    private Http a;
    private Http b;
    private Http organizer;
    private JudgingSetup setup;
    private Http j1;
    private Http j2;
    private Http j3;
    private Http head;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.create();
        nodes.addAll(Nodes.cluster(database.url(), 2));
        a = new Http(nodes.get(0).httpPort());
        b = new Http(nodes.get(1).httpPort());
        organizer = a.signIn(Nodes.ORGANIZER_CODE);
    }

    /** A contest of this test's own, its judges signed in on both nodes. */
    @BeforeEach
    void newContest(TestInfo test) {
        setup = new JudgingSetup(organizer, "2026年评审流程测试赛 " + test.getTestMethod().orElseThrow().getName());
        j1 = a.signIn(setup.j1Code);
        j2 = b.signIn(setup.j2Code);
        j3 = a.signIn(setup.j3Code);
        head = b.signIn(setup.headCode);
    }

    @AfterAll
    void stop() {
        nodes.forEach(JiangxinNode::close);
        if (database != null) {
            database.close();
        }
    }

    private static JsonObject marks(Object... aspectValue) {
        JsonArray marks = new JsonArray();
        for (int i = 0; i < aspectValue.length; i += 2) {
            marks.add(new JsonObject().put("aspectId", aspectValue[i]).put("value", aspectValue[i + 1]));
        }
        return new JsonObject().put("marks", marks);
    }

    private long records() {
        return database.queryLong("select count(*) from score_event where event_id = " + setup.eventId);
    }

    /** j1 and j2, on different nodes, mark 001 and disagree on A2 (7.5 against 3). */
    private void bothJudgesMarkTheFirstEntry() {
        created(once(j1).post(setup.sheet("001") + "/marks", marks("A1", 8, "A2", "7.5", "Y1", 10)));
        created(once(j2).post(setup.sheet("001") + "/marks", marks("A1", 9, "A2", 3, "Y1", 10)));
    }

    /** j2 marks A1 of 002. */
    private void j2StartsTheSecondEntry() {
        created(once(j2).post(setup.sheet("002") + "/marks", marks("A1", 6)));
    }

    /** The head judge asks for A2 of 001 again; j1 and j2 now agree (7 and 6.5). */
    private void theDisagreementIsResolved() {
        created(once(head).post(setup.sheet("001") + "/remarks",
                new JsonObject().put("aspectId", "A2").put("reason", "分差过大，请重新评判")));
        created(once(j1).post(setup.sheet("001") + "/marks", marks("A2", 7)));
        created(once(j2).post(setup.sheet("001") + "/marks", marks("A2", "6.5")));
    }

    /** j1 corrects A1 of 001 from 8 to 8.5. */
    private void j1CorrectsTheFirstEntry() {
        created(once(j1).post(setup.sheet("001") + "/marks", marks("A1", "8.5")));
    }

    /** 002 completed with a safety violation and locked beside the locked 001, then the event signed off. */
    private void theSecondEntryIsCompletedAndTheEventSignedOff() {
        created(once(j1).post(setup.sheet("002") + "/marks", marks("A1", 6, "A2", 6, "Y1", 0)));
        created(once(j2).post(setup.sheet("002") + "/marks", marks("A2", 7, "Y1", 0)));
        created(once(head).post(setup.sheet("002") + "/violations",
                new JsonObject().put("code", "SAFETY").put("count", 1).put("reason", "未戴护目镜")));
        created(once(head).post(setup.sheet("002") + "/lock", new JsonObject()));
        created(once(head).post("/api/events/" + setup.eventId + "/sign-off", new JsonObject()));
    }

    /** Every step of the flow up to the head judge's sign-off. */
    private void theEventIsJudgedAndSignedOff() {
        bothJudgesMarkTheFirstEntry();
        j2StartsTheSecondEntry();
        theDisagreementIsResolved();
        j1CorrectsTheFirstEntry();
        created(once(head).post(setup.sheet("001") + "/lock", new JsonObject()));
        theSecondEntryIsCompletedAndTheEventSignedOff();
    }

    private static void created(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    @Test
    void judgesOnDifferentNodesMarkTheSameEntry() {
        Reply first = once(j1).post(setup.sheet("001") + "/marks", marks("A1", 8, "A2", "7.5", "Y1", 10));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().getJsonArray("marks").getJsonObject(0).getString("result")).isEqualTo("RECORDED");

        Reply second = once(j2).post(setup.sheet("001") + "/marks", marks("A1", 9, "A2", 3, "Y1", 10));
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.json().getLong("version")).isEqualTo(6);
    }

    @Test
    void aRetryWithTheSameKeyIsRecordedOnce() {
        Http keyed = j2.key("retry-key-1");
        Reply first = keyed.post(setup.sheet("002") + "/marks", marks("A1", 6));
        long after = records();
        Reply again = keyed.post(setup.sheet("002") + "/marks", marks("A1", 6));
        assertThat(again.status()).isEqualTo(first.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(records()).isEqualTo(after);

        Reply reused = keyed.post(setup.sheet("002") + "/marks", marks("A1", 7));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().getString("error")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(records()).isEqualTo(after);
    }

    @Test
    void recusalWrongRoleAndWrongPanelAre403() {
        Reply recused = once(j3).post(setup.sheet("001") + "/marks", marks("A1", 5));
        assertThat(recused.status()).isEqualTo(403);
        assertThat(recused.json().getString("error")).isEqualTo("RECUSED");
        assertThat(recused.json().getString("message")).contains("回避").contains("recused");

        Reply headMarks = once(head).post(setup.sheet("001") + "/marks", marks("A1", 5));
        assertThat(headMarks.status()).isEqualTo(403);
        Reply organizerMarks = once(setup.organizer).post(setup.sheet("001") + "/marks", marks("A1", 5));
        assertThat(organizerMarks.status()).isEqualTo(403);
        assertThat(organizerMarks.json().getString("error")).isEqualTo("ROLE_NOT_ALLOWED");
        Reply judgeLocks = once(j1).post(setup.sheet("001") + "/lock", new JsonObject());
        assertThat(judgeLocks.status()).isEqualTo(403);
        assertThat(judgeLocks.json().getString("error")).isEqualTo("NOT_HEAD_JUDGE");

        JsonObject otherJudge = setup.organizer.post("/api/contests/" + setup.contestId + "/judges",
                new JsonObject().put("displayName", "组外裁判")).json();
        Http outsider = j1.as(null).signIn(otherJudge.getString("signInCode"));
        Reply offPanel = once(outsider).post(setup.sheet("001") + "/marks", marks("A1", 5));
        assertThat(offPanel.status()).isEqualTo(403);
        assertThat(offPanel.json().getString("error")).isEqualTo("NOT_ON_PANEL");

        JsonArray seats = head.get("/api/sessions/current/events").json().getJsonArray("items");
        assertThat(seats).hasSize(1);
        assertThat(seats.getJsonObject(0).getLong("id")).isEqualTo(setup.eventId);
        assertThat(seats.getJsonObject(0).getString("role")).isEqualTo("HEAD_JUDGE");
        assertThat(outsider.get("/api/sessions/current/events").json().getJsonArray("items")).isEmpty();

        JsonArray mine = j3.get("/api/events/" + setup.eventId + "/sheets").json().getJsonArray("items");
        assertThat(mine.stream().map(i -> ((JsonObject) i).getString("entryCode"))).containsExactly("002");
    }

    @Test
    void theHeadJudgeSeesTheDisagreementAndCannotLockUntilResolved() {
        bothJudgesMarkTheFirstEntry();
        j2StartsTheSecondEntry();
        assertThat(j3.post("/api/events/" + setup.eventId + "/presence", new JsonObject()).status()).isEqualTo(200);
        JsonObject matrix = head.get("/api/events/" + setup.eventId + "/matrix").json();
        JsonObject sheet = entry(matrix, "001").getJsonObject("sheet");
        assertThat(sheet.getJsonObject("aspects").getJsonObject("A2").getJsonArray("flags")).contains("DISAGREEMENT");
        assertThat(sheet.getBoolean("lockable")).isFalse();
        assertThat(entry(matrix, "001").containsKey("entrant")).as("no names before sign-off").isFalse();
        assertThat(entry(matrix, "002").getJsonObject("missing").containsKey(String.valueOf(setup.j3))).isTrue();
        assertThat(matrix.getJsonArray("judges").stream().filter(j -> ((JsonObject) j).getBoolean("online"))
                .map(j -> ((JsonObject) j).getLong("accountId"))).as("only j3 has reported its presence")
                .containsExactly(setup.j3);

        Reply lock = once(head).post(setup.sheet("001") + "/lock", new JsonObject());
        assertThat(lock.status()).isEqualTo(409);
        assertThat(lock.json().getString("error")).isEqualTo("NOT_LOCKABLE");
        assertThat(lock.json().getJsonArray("details").encode()).contains("A2");

        Reply remark = once(head).post(setup.sheet("001") + "/remarks",
                new JsonObject().put("aspectId", "A2").put("reason", "分差过大，请重新评判"));
        assertThat(remark.status()).as(remark.body()).isEqualTo(201);
        JsonArray j1Sheets = j1.get("/api/events/" + setup.eventId + "/sheets").json().getJsonArray("items");
        assertThat(state(j1Sheets, "001")).isEqualTo("NEEDS_REMARK");

        assertThat(once(j1).post(setup.sheet("001") + "/marks", marks("A2", 7)).status()).isEqualTo(201);
        assertThat(once(j2).post(setup.sheet("001") + "/marks", marks("A2", "6.5")).status()).isEqualTo(201);
        JsonObject resolved = head.get("/api/events/" + setup.eventId + "/matrix").json();
        JsonObject a2 = entry(resolved, "001").getJsonObject("sheet").getJsonObject("aspects").getJsonObject("A2");
        assertThat(a2.getJsonArray("flags")).isEmpty();
        assertThat(a2.getString("value")).isEqualTo("6.75");
        assertThat(a2.getInteger("round")).isEqualTo(1);
    }

    @Test
    void aCorrectionBeforeTheLockKeepsTheOldValue() {
        bothJudgesMarkTheFirstEntry();
        theDisagreementIsResolved();
        Reply correction = once(j1).post(setup.sheet("001") + "/marks", marks("A1", "8.5"));
        assertThat(correction.status()).isEqualTo(201);
        JsonObject item = correction.json().getJsonArray("marks").getJsonObject(0);
        assertThat(item.getString("result")).isEqualTo("CORRECTED");
        assertThat(item.getString("previous")).isEqualTo("8");

        JsonArray audit = head.get("/api/events/" + setup.eventId + "/audit?entryCode=001&judgeId=" + setup.j1)
                .json().getJsonArray("items");
        JsonObject last = audit.getJsonObject(audit.size() - 1);
        assertThat(last.getString("kind")).isEqualTo("CORRECTION");
        assertThat(last.getString("oldValue")).isEqualTo("8");
        assertThat(last.getString("newValue")).isEqualTo("8.5");
        assertThat(last.getString("address")).isNotBlank();

        Reply unchanged = once(j1).post(setup.sheet("001") + "/marks", marks("A1", "8.50"));
        assertThat(unchanged.status()).isEqualTo(200);
        assertThat(unchanged.json().getJsonArray("marks").getJsonObject(0).getString("result")).isEqualTo("UNCHANGED");
    }

    @Test
    void aLockedSheetRefusesMarksWith409() {
        bothJudgesMarkTheFirstEntry();
        theDisagreementIsResolved();
        Reply lock = once(head).post(setup.sheet("001") + "/lock", new JsonObject());
        assertThat(lock.status()).as(lock.body()).isEqualTo(201);
        long before = records();
        Reply late = once(j2).post(setup.sheet("001") + "/marks", marks("A1", 10));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().getString("error")).isEqualTo("SHEET_LOCKED");
        assertThat(late.json().getString("message")).contains("锁定").contains("locked");
        assertThat(records()).isEqualTo(before);
        assertThat(state(j1.get("/api/events/" + setup.eventId + "/sheets").json().getJsonArray("items"), "001"))
                .isEqualTo("LOCKED");

        Reply unlock = once(head).post(setup.sheet("001") + "/unlock", new JsonObject().put("reason", "核对工位号"));
        assertThat(unlock.status()).isEqualTo(201);
        assertThat(once(head).post(setup.sheet("001") + "/lock", new JsonObject()).status()).isEqualTo(201);
    }

    @Test
    void signOffNeedsEverySheetLockedAndThenRevealsNamesToTheJury() {
        bothJudgesMarkTheFirstEntry();
        j2StartsTheSecondEntry();
        theDisagreementIsResolved();
        created(once(head).post(setup.sheet("001") + "/lock", new JsonObject()));
        Reply early = once(head).post("/api/events/" + setup.eventId + "/sign-off", new JsonObject());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().getString("error")).isEqualTo("SHEETS_NOT_LOCKED");

        assertThat(once(j1).post(setup.sheet("002") + "/marks", marks("A1", 6, "A2", 6, "Y1", 0)).status())
                .isEqualTo(201);
        assertThat(once(j2).post(setup.sheet("002") + "/marks", marks("A2", 7, "Y1", 0)).status()).isEqualTo(201);
        assertThat(once(head).post(setup.sheet("002") + "/violations",
                new JsonObject().put("code", "SAFETY").put("count", 1).put("reason", "未戴护目镜")).status())
                .isEqualTo(201);
        assertThat(once(head).post(setup.sheet("002") + "/lock", new JsonObject()).status()).isEqualTo(201);

        Reply signOff = once(head).post("/api/events/" + setup.eventId + "/sign-off", new JsonObject());
        assertThat(signOff.status()).as(signOff.body()).isEqualTo(201);

        JsonObject standings = head.get("/api/events/" + setup.eventId + "/standings").json();
        JsonArray rows = standings.getJsonArray("rows");
        assertThat(rows.getJsonObject(0).getString("entryCode")).isEqualTo("001");
        assertThat(rows.getJsonObject(0).getString("entrant")).isEqualTo("选手一");
        assertThat(rows.getJsonObject(1).getString("entryCode")).isEqualTo("002");
        assertThat(j1.get("/api/events/" + setup.eventId + "/sheets").body()).doesNotContain("选手");

        Reply late = once(j1).post(setup.sheet("002") + "/marks", marks("A1", 10));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().getString("error")).isEqualTo("EVENT_SIGNED_OFF");
    }

    @Test
    void everyNodeServesTheSameResults() {
        theEventIsJudgedAndSignedOff();
        String viaB = head.get("/api/events/" + setup.eventId + "/standings").json().getJsonArray("rows").encode();
        String viaA = setup.organizer.get("/api/events/" + setup.eventId + "/standings").json().getJsonArray("rows")
                .encode();
        assertThat(viaA).isEqualTo(viaB);
        JsonObject sheet = setup.organizer.get(setup.sheet("001")).json().getJsonObject("sheet");
        // (8.5 + 9) / 2 = 8.75, (7 + 6.5) / 2 = 6.75, yes 10, no violations 10 → 35.50 of 40 → 88.75 of 100
        assertThat(sheet.getJsonObject("aspects").getJsonObject("A1").getString("value")).isEqualTo("8.75");
        assertThat(sheet.getString("total")).isEqualTo("88.75");
    }

    @Test
    void theLogIsAnIntactHashChainAndReplayingItGivesTheLiveState() {
        theEventIsJudgedAndSignedOff();
        JsonObject verification = setup.organizer.get("/api/events/" + setup.eventId + "/audit/verification").json();
        assertThat(verification.getBoolean("intact")).isTrue();
        assertThat(verification.getLong("records")).isEqualTo(records());
        assertThat(head.get("/api/events/" + setup.eventId + "/audit/verification").status()).isEqualTo(403);
    }

    @Test
    void replayingTheStoredLogInAnyArrivalOrderGivesExactlyTheLiveState() throws Exception {
        theEventIsJudgedAndSignedOff();
        JiangxinNode node = nodes.get(0);
        HashMap<String, String> live = await(node.services().live().view(setup.eventId, new Projections.AllResults()));
        List<ScoreRecord> log = await(new io.jiangxin.storage.ScoreLogStore().read(node.pool(), setup.eventId, 0)).stream()
                .map(Records::of).toList();
        String scheme = await(new io.jiangxin.storage.JudgingStore(node.pool()).facts(setup.eventId)).schemeJson();

        EventJudging replay = new EventJudging(setup.eventId, scheme, Map.of());
        replay.apply(log);
        assertThat(new Projections.AllResults().apply(replay)).isEqualTo(live);

        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            List<ScoreRecord> shuffled = new ArrayList<>(log);
            Collections.shuffle(shuffled, random);
            EventJudging arrivals = new EventJudging(setup.eventId, scheme, Map.of());
            for (ScoreRecord record : shuffled) {
                arrivals.apply(List.of(record));
            }
            assertThat(new Projections.AllResults().apply(arrivals)).isEqualTo(live);
        }
    }

    private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    void anUpheldAppealReopensTheSheetForARemark() {
        theEventIsJudgedAndSignedOff();
        Reply filed = once(setup.organizer).post("/api/events/" + setup.eventId + "/appeals",
                new JsonObject().put("entryCode", "002").put("statement", "选手认为工艺项评分有误，申请复核。"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        long appeal = filed.id();

        Http arbiter = head.as(null).signIn(setup.arbiterCode);
        Reply wrongRole = once(head).post("/api/appeals/" + appeal + "/decision",
                new JsonObject().put("outcome", "UPHELD").put("reason", "x"));
        assertThat(wrongRole.status()).isEqualTo(403);

        Reply decided = once(arbiter).post("/api/appeals/" + appeal + "/decision", new JsonObject()
                .put("outcome", "UPHELD").put("reopen", new JsonArray().add("A2")).put("reason", "录像显示工艺评分偏低"));
        assertThat(decided.status()).as(decided.body()).isEqualTo(201);
        Reply again = once(arbiter).post("/api/appeals/" + appeal + "/decision",
                new JsonObject().put("outcome", "REJECTED").put("reason", "改判"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().getString("error")).isEqualTo("ALREADY_DECIDED");

        assertThat(state(j1.get("/api/events/" + setup.eventId + "/sheets").json().getJsonArray("items"), "002"))
                .isEqualTo("NEEDS_REMARK");
        assertThat(once(j1).post(setup.sheet("002") + "/marks", marks("A2", 8)).status()).isEqualTo(201);
        assertThat(once(j2).post(setup.sheet("002") + "/marks", marks("A2", 9)).status()).isEqualTo(201);
        assertThat(once(head).post(setup.sheet("002") + "/lock", new JsonObject()).status()).isEqualTo(201);
        assertThat(once(head).post("/api/events/" + setup.eventId + "/sign-off", new JsonObject()).status())
                .isEqualTo(201);

        JsonArray appeals = arbiter.get("/api/events/" + setup.eventId + "/appeals").json().getJsonArray("items");
        assertThat(appeals.getJsonObject(0).getString("status")).isEqualTo("UPHELD");
        List<String> kinds = setup.organizer.get("/api/events/" + setup.eventId + "/audit?entryCode=002&limit=500")
                .json().getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("kind"))
                .collect(Collectors.toList());
        assertThat(kinds).containsSubsequence("APPEAL_FILED", "APPEAL_DECIDED", "UNLOCK", "REMARK_REQUESTED", "LOCK");
        assertThat(setup.organizer.get("/api/events/" + setup.eventId + "/audit/verification").json()
                .getBoolean("intact")).isTrue();
    }

    private static JsonObject entry(JsonObject matrix, String code) {
        return matrix.getJsonArray("entries").stream().map(e -> (JsonObject) e)
                .filter(e -> e.getString("entryCode").equals(code)).findFirst().orElseThrow();
    }

    private static String state(JsonArray items, String code) {
        return items.stream().map(i -> (JsonObject) i).filter(i -> i.getString("entryCode").equals(code))
                .findFirst().orElseThrow().getString("state");
    }
}
