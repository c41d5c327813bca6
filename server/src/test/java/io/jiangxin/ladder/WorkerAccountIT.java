package io.jiangxin.ladder;

import static io.jiangxin.support.Replies.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jiangxin.auth.Secrets;
import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.JudgingPanel;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.Marks;
import io.jiangxin.support.TestDatabase;
import io.jiangxin.support.TestServer;
import io.jiangxin.support.TrainingContest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Worker (competitor, 选手) accounts: an organizer issues a person's sign-in code; the worker reads their own ladder
 * page, private training assessment included, and nothing else; other workers, judges, arbiters and the public are
 * refused; reissuing the code replaces it and signs the worker out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerAccountIT {

    private static final String CONTEST = "2026年职工账号培训考核";

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private TestDatabase database;
    private Http anonymous;
    private Http organizer;
    private JudgingSetup setup;
    private Http head;
    private Http arbiter;
    private long p1;
    private long p2;

    @BeforeAll
    void start() throws Exception {
        database = server.database();
        anonymous = server.anonymous();
        organizer = server.organizer();
        setup = TrainingContest.setUp(organizer, CONTEST);
        JudgingPanel panel = new JudgingPanel(anonymous, setup);
        head = panel.head;
        arbiter = panel.arbiter;
        p1 = panel.personOf(setup.entry001);
        p2 = panel.personOf(setup.entry002);
        LadderTests.importConfig(organizer, "worker-test", panel.organizationOf(p1), false, """
                ladders:
                  - id: worker-ladder
                    organization: %s甲厂
                    name: 职工账号测试梯队
                    scope: ENTERPRISE
                    tiers: [{code: SEED, name: 种子工匠}, {code: CRAFTSMAN, name: 工匠}]
                pointsSchemes:
                  - id: worker-points
                    version: 1
                    name: 职工积分
                    categories: [{code: TRAINING, name: 培训考核}, {code: OTHER, name: 其他}]
                pointTables:
                  - id: worker-tables
                    fixed:
                      - {kind: TRAINING_ASSESSMENT, qualifier: PASSED, category: TRAINING, points: 5}
                      - {kind: INNOVATION, qualifier: PATENT_INVENTION, category: OTHER, points: 6}
                """.formatted(CONTEST));
        // a private training assessment, judged and signed off, for each of the two workers
        panel.markByBothJudges("001", Marks.of("A1", 9, "A2", 9, "Y1", 10));
        panel.markByBothJudges("002", Marks.of("A1", 8, "A2", 8, "Y1", 10));
        panel.lock("001", "002");
        panel.signOff();
        LadderTests.eventually(() -> organizer.get("/api/ladder/people/" + p1).json().getJsonArray("assessments")
                .size() == 1, "the assessment recorded at sign-off");
        LadderTests.evidence(organizer, p1, "INNOVATION", "CN2026-0001", "PATENT_INVENTION", "2026-03-01");
    }

    private static void refused(Reply reply, int status, String error) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().getString("error")).as(reply.body()).isEqualTo(error);
        assertThat(reply.json().getString("message")).as("zh-CN first, then English").contains(" / ");
    }

    private JsonObject issue(long person) {
        return created(organizer.post("/api/people/" + person + "/account", new JsonObject())).json();
    }

    @Test
    void aWorkerReadsTheirOwnPageAndNothingElse() {
        JsonObject issued = issue(p1);
        String code = issued.getString("signInCode");
        assertThat(code).hasSize(Secrets.CODE_LENGTH);
        assertThat(issued.getBoolean("reissued")).isFalse();
        JsonObject account = issued.getJsonObject("account");
        assertThat(account.getString("kind")).isEqualTo("COMPETITOR");
        assertThat(account.getLong("personId")).isEqualTo(p1);
        assertThat(account.getLong("contestId")).isNull();
        assertThat(account.getString("displayName")).isEqualTo("选手一");
        // only the hash is stored
        assertThat(database.queryLong("select count(*) from account where kind = 'COMPETITOR' and code_hash = '"
                + Secrets.sha256(code) + "'")).isEqualTo(1);
        assertThat(database.queryLong("select count(*) from account where code_hash = '" + code + "'")).isZero();

        Http worker = anonymous.signIn(code);
        JsonObject current = worker.get("/api/sessions/current").json();
        assertThat(current.getString("kind")).isEqualTo("COMPETITOR");
        assertThat(current.getLong("personId")).isEqualTo(p1);

        // their own page, twice over, with the private training assessment and the points
        JsonObject me = worker.get("/api/ladder/me").json();
        assertThat(me.getJsonObject("person").getLong("id")).isEqualTo(p1);
        assertThat(me.getJsonArray("assessments")).hasSize(1);
        assertThat(me.getJsonArray("assessments").getJsonObject(0).getBoolean("passed")).isTrue();
        assertThat(me.getJsonArray("evidence")).hasSize(1);
        JsonObject standing = me.getJsonArray("points").getJsonObject(0).getJsonArray("standings").getJsonObject(0);
        assertThat(standing.getString("total")).isEqualTo("11");
        Reply own = worker.get("/api/ladder/people/" + p1);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json()).isEqualTo(me);

        // another worker's page, or a person who does not exist, is not theirs
        refused(worker.get("/api/ladder/people/" + p2), 403, "NOT_YOUR_PAGE");
        refused(worker.get("/api/ladder/people/99999999"), 403, "NOT_YOUR_PAGE");
        // and their token opens nothing else, not even what the public may read
        refused(worker.get("/api/people/" + p1), 403, "ROLE_NOT_ALLOWED");
        refused(worker.get("/api/events/" + setup.eventId + "/sheets"), 403, "ROLE_NOT_ALLOWED");
        refused(worker.get("/api/events/" + setup.eventId + "/standings"), 403, "ROLE_NOT_ALLOWED");
        refused(worker.get("/api/contests"), 403, "ROLE_NOT_ALLOWED");
        refused(worker.post("/api/ladder/evidence", new JsonObject().put("personId", p1).put("kind", "INNOVATION")
                .put("reference", "X").put("qualifier", "PATENT_INVENTION").put("effectiveOn", "2026-03-01")),
                403, "ROLE_NOT_ALLOWED");
        refused(worker.post("/api/people/" + p1 + "/account", new JsonObject()), 403, "ROLE_NOT_ALLOWED");
        refused(worker.get("/api/ladder/people/" + p1 + "/x"), 403, "ROLE_NOT_ALLOWED");

        // judges and arbiters have no business with workers' pages; the public must sign in
        refused(head.get("/api/ladder/people/" + p1), 403, "ROLE_NOT_ALLOWED");
        refused(arbiter.get("/api/ladder/people/" + p1), 403, "ROLE_NOT_ALLOWED");
        refused(head.get("/api/ladder/me"), 403, "ROLE_NOT_ALLOWED");
        refused(anonymous.get("/api/ladder/people/" + p1), 401, "SIGN_IN_REQUIRED");
        refused(anonymous.get("/api/ladder/me"), 401, "SIGN_IN_REQUIRED");

        // organizers read every page; an unknown person is 404; an organizer has no page of their own
        Reply other = organizer.get("/api/ladder/people/" + p2);
        assertThat(other.status()).as(other.body()).isEqualTo(200);
        assertThat(other.json().getJsonArray("assessments")).hasSize(1);
        refused(organizer.get("/api/ladder/people/99999999"), 404, "NOT_FOUND");
        refused(organizer.get("/api/ladder/people/abc"), 404, "NOT_FOUND");
        refused(organizer.get("/api/ladder/me"), 403, "ROLE_NOT_ALLOWED");

        worker.delete("/api/sessions/current");
        refused(worker.get("/api/ladder/me"), 401, "INVALID_TOKEN");
    }

    @Test
    void onlyOrganizersIssueCodesAndReissuingReplacesTheCodeAndSignsTheWorkerOut() {
        String first = issue(p2).getString("signInCode");
        Http worker = anonymous.signIn(first);
        Http tablet = anonymous.signIn(first);
        assertThat(worker.get("/api/ladder/me").status()).isEqualTo(200);

        JsonObject again = issue(p2);
        String second = again.getString("signInCode");
        assertThat(second).isNotEqualTo(first);
        assertThat(again.getBoolean("reissued")).isTrue();
        assertThat(again.getInteger("revokedSessions")).isEqualTo(2);
        assertThat(database.queryLong("select count(*) from account where person_id = " + p2
                + " and kind = 'COMPETITOR'")).isEqualTo(1);
        refused(worker.get("/api/ladder/me"), 401, "INVALID_TOKEN");
        refused(tablet.get("/api/ladder/me"), 401, "INVALID_TOKEN");
        refused(anonymous.post("/api/sessions", new JsonObject().put("code", first)), 401, "BAD_CODE");
        assertThat(anonymous.signIn(second).get("/api/ladder/me").json().getJsonObject("person").getLong("id"))
                .isEqualTo(p2);

        refused(anonymous.post("/api/people/" + p2 + "/account", new JsonObject()), 401, "SIGN_IN_REQUIRED");
        refused(head.post("/api/people/" + p2 + "/account", new JsonObject()), 403, "ROLE_NOT_ALLOWED");
        refused(arbiter.post("/api/people/" + p2 + "/account", new JsonObject()), 403, "ROLE_NOT_ALLOWED");
        refused(organizer.post("/api/people/99999999/account", new JsonObject()), 404, "NOT_FOUND");
        refused(organizer.post("/api/people/-3/account", new JsonObject()), 404, "NOT_FOUND");
    }

    @Test
    void theSchemaKeepsWorkersOffContestsAndJudgesOnThem() {
        long contest = setup.contestId;
        assertThatThrownBy(() -> database.queryLong("with x as (insert into account (kind, display_name, person_id,"
                + " contest_id, code_hash) values ('COMPETITOR', 'w', " + p1 + ", " + contest + ", 'h1') returning 1)"
                + " select count(*) from x")).hasStackTraceContaining("account_contest_check");
        assertThatThrownBy(() -> database.queryLong("with x as (insert into account (kind, display_name, code_hash)"
                + " values ('COMPETITOR', 'w', 'h2') returning 1) select count(*) from x"))
                .hasStackTraceContaining("account_competitor_person_check");
        assertThatThrownBy(() -> database.queryLong("with x as (insert into account (kind, display_name, code_hash)"
                + " values ('JUDGE', 'j', 'h3') returning 1) select count(*) from x"))
                .hasStackTraceContaining("account_contest_check");
        assertThatThrownBy(() -> database.queryLong("with x as (insert into account (kind, display_name, code_hash,"
                + " contest_id) values ('PUBLIC', 'p', 'h4', " + contest + ") returning 1) select count(*) from x"))
                .hasStackTraceContaining("account_kind_check");
    }
}
