package io.jiangxin.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.server.config.ClusterAddress;
import io.jiangxin.server.config.SettingException;
import io.jiangxin.server.config.Settings;
import io.jiangxin.support.Http;
import io.jiangxin.support.JudgingPanel;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.Marks;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The periodic retry of ladder postings, on two clustered nodes that both retry every second. A posting fails for
 * real at sign-off (the ledger table is out of reach: renamed away), and once it is back the timers post it, with
 * no sign-off and no manual call; many postings of one event at once from both nodes add each entry exactly once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LadderRetryIT {

    private static final String LEDGER_AWAY = "alter table ladder_ledger rename to ladder_ledger_away";
    private static final String LEDGER_BACK = "alter table ladder_ledger_away rename to ladder_ledger";

    private TestDatabase database;
    private final List<JiangxinNode> nodes = new ArrayList<>();
    private Http anonymous;
    private Http organizer;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabase.create();
        List<ClusterAddress> members = List.of(new ClusterAddress("127.0.0.1", Nodes.freePort()),
                new ClusterAddress("127.0.0.1", Nodes.freePort()));
        for (ClusterAddress self : members) {
            nodes.add(JiangxinNode.start(Nodes.settings(database.url(), self.port(), members, false)
                    .withLadderRetry(Duration.ofSeconds(1))));
        }
        assertThat(nodes.get(0).clusterMembers()).hasSize(2);
        anonymous = new Http(nodes.get(0).httpPort());
        organizer = anonymous.signIn(Nodes.ORGANIZER_CODE);
    }

    @AfterAll
    void stop() {
        nodes.forEach(JiangxinNode::close);
        if (database != null) {
            database.close();
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url().jdbcUrl());
             Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }

    /** A city class-I contest marked to the point of sign-off: 001 first, 002 second. */
    private JudgingPanel markedContest(String name) {
        JudgingPanel panel = new JudgingPanel(anonymous, new JudgingSetup(organizer, name));
        panel.markByBothJudges("001", Marks.of("A1", 9, "A2", 9, "Y1", 10));
        panel.markByBothJudges("002", Marks.of("A1", 7, "A2", 7, "Y1", 10));
        panel.lock("001", "002");
        return panel;
    }

    private long count(String sql) {
        return database.queryLong(sql);
    }

    private void importConfig(JudgingSetup setup) {
        long org = organizer.get("/api/people/" + organizer.get("/api/registrations/" + setup.entry001).json()
                .getLong("personId")).json().getLong("organizationId");
        LadderTests.importConfig(organizer, "retry-test", org, false, """
                ladders:
                  - id: retry-ladder
                    organization: %s
                    name: 重试测试梯队
                    scope: CITY
                    tiers: [{code: CITY_CRAFTSMAN, name: 市级工匠}]
                pointsSchemes:
                  - id: retry-points
                    version: 1
                    name: 竞赛积分
                    categories: [{code: COMPETITION, name: 竞赛成绩}]
                pointTables:
                  - id: retry-tables
                    contest:
                      category: COMPETITION
                      rows:
                        - {level: CITY, class: FIRST, ranks: 1, points: 20}
                        - {level: CITY, class: FIRST, ranks: 2-3, points: 12}
                """.formatted(org));
    }

    @Test
    void theRetryIntervalComesFromItsFlagElseItsEnvironmentVariableElseSixtySeconds() {
        assertThat(Settings.resolve(Map.of(), Map.of(), false).ladderRetry()).isEqualTo(Duration.ofSeconds(60));
        assertThat(Settings.resolve(Map.of(), Map.of("LADDER_RETRY_SECONDS", "15"), false).ladderRetry())
                .isEqualTo(Duration.ofSeconds(15));
        assertThat(Settings.resolve(Map.of("--ladder-retry-seconds", "5"), Map.of("LADDER_RETRY_SECONDS", "15"), false)
                .ladderRetry()).isEqualTo(Duration.ofSeconds(5));
        for (String bad : List.of("0", "-1", "86401", "soon")) {
            assertThatThrownBy(() -> Settings.resolve(Map.of("--ladder-retry-seconds", bad), Map.of(), false))
                    .isInstanceOf(SettingException.class).hasMessageContaining("--ladder-retry-seconds (LADDER_RETRY_SECONDS)");
        }
    }

    @Test
    void aPostingThatFailedAtSignOffIsPostedByTheTimerOnceTheLedgerIsBack() throws Exception {
        JudgingPanel contest = markedContest("2026年重试测试赛（一）");
        JudgingSetup first = contest.setup;
        importConfig(first);
        String event = "E" + first.eventId;

        sql(LEDGER_AWAY);
        try {
            contest.signOff();
            // the sign-off answered; its posting and three rounds of retries on both nodes fail
            LadderTests.eventually(() -> count("select count(*) from ladder_result where event_key = '" + event + "'") == 2,
                    "the result facts recorded before the ledger failed");
            awaitRetryRounds(3);
            assertThat(count("select count(*) from ladder_event_posting where event_id = " + first.eventId)).isZero();
            assertThat(count("select count(*) from ladder_ledger_away")).isZero();
        } finally {
            sql(LEDGER_BACK);
        }

        // no sign-off, no manual posting: the timers post it
        LadderTests.eventually(() -> count("select count(*) from ladder_event_posting where event_id = "
                + first.eventId) == 1, "the retry timer posting the event");
        assertThat(count("select count(*) from ladder_ledger where source_key like 'contest_result/%/" + event
                + "/rev-0'")).isEqualTo(2);
        String ofThisEvent = " where source_key like 'contest_result/%/" + event + "/%'";
        assertThat(count("select sum(points) from ladder_ledger" + ofThisEvent)).isEqualTo(32);
        awaitRetryRounds(2);
        assertThat(count("select count(*) from ladder_ledger" + ofThisEvent)).as("later rounds add nothing")
                .isEqualTo(2);
        assertThat(count("select count(*) from ladder_result where event_id = " + first.eventId)).isEqualTo(2);
    }

    @Test
    void manyPostingsOfOneEventFromBothNodesAtOnceAddEachEntryOnce() throws Exception {
        JudgingPanel contest = markedContest("2026年重试测试赛（二）");
        JudgingSetup second = contest.setup;
        if (count("select count(*) from ladder_config") == 0) {
            importConfig(second);
        }
        String event = "E" + second.eventId;
        long before = count("select count(*) from ladder_ledger");

        sql(LEDGER_AWAY);
        try {
            contest.signOff();
            LadderTests.eventually(() -> count("select count(*) from ladder_result where event_key = '" + event + "'") == 2,
                    "the result facts recorded before the ledger failed");
        } finally {
            sql(LEDGER_BACK);
        }
        // the timers of both nodes race with eight hand-started postings, four on each node
        List<Future<JsonObject>> postings = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            for (JiangxinNode node : nodes) {
                postings.add(node.services().resultPoints().post(second.eventId));
            }
        }
        Future.join(postings).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        long failed = postings.stream().filter(Future::failed).count();
        assertThat(failed).as("concurrent postings wait for each other's locks; none fails").isZero();
        assertThat(postings.stream().mapToInt(f -> f.result().getInteger("entries")).sum()).isLessThanOrEqualTo(2);

        LadderTests.eventually(() -> count("select count(*) from ladder_event_posting where event_id = "
                + second.eventId) == 1, "the event marked posted");
        assertThat(count("select count(*) from ladder_ledger") - before).isEqualTo(2);
        assertThat(count("select count(*) from ladder_ledger where source_key like 'contest_result/%/" + event
                + "/rev-0'")).isEqualTo(2);
        assertThat(count("select count(*) from ladder_result where event_key = '" + event + "'")).isEqualTo(2);
        assertThat(count("select count(*) from (select config_code, source_key from ladder_ledger group by 1, 2"
                + " having count(*) > 1) d")).isZero();
    }

    /** Waits until every node has finished this many more retry rounds than it had when asked. */
    private void awaitRetryRounds(int more) {
        List<Long> before = nodes.stream().map(n -> n.services().resultPoints().retryRoundsDone()).toList();
        LadderTests.eventually(() -> {
            for (int i = 0; i < nodes.size(); i++) {
                if (nodes.get(i).services().resultPoints().retryRoundsDone() < before.get(i) + more) {
                    return false;
                }
            }
            return true;
        }, more + " more retry rounds on every node");
    }
}
