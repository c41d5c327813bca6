package io.jiangxin.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.embeddedpg.EmbeddedPostgres;
import io.jiangxin.server.JiangxinNode;
import io.jiangxin.storage.DatabaseUrl;
import io.jiangxin.support.Http;
import io.jiangxin.support.JudgeLoad;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.ServerProcess;
import io.jiangxin.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Faults under load: a node killed with SIGKILL, and PostgreSQL stopped and started again. Judges keep retrying
 * with their Idempotency-Keys; afterwards every acknowledged mark is stored exactly once.
 */
class FaultToleranceIT {

    @Test
    void killingANodeMidLoadLosesNoAcknowledgedMark() throws Exception {
        try (TestDatabase database = TestDatabase.create()) {
            List<Integer> ports = List.of(Nodes.freePort(), Nodes.freePort());
            try (ServerProcess a = ServerProcess.start(database.url(), ports.get(0), ports);
                 ServerProcess b = ServerProcess.start(database.url(), ports.get(1), ports)) {
                a.awaitMembers(2);
                b.awaitMembers(2);
                JudgingSetup setup = new JudgingSetup(a.http().signIn(Nodes.ORGANIZER_CODE), "2026年宕机测试赛");
                JudgeLoad load = new JudgeLoad(clients(setup, List.of(a.http(), b.http()))).start();
                // Counts rather than fixed sleeps: a busy machine acknowledges fewer marks a second.
                awaitAcks(load, 20);
                a.kill();
                int beforeKill = load.acks.size();
                awaitAcks(load, beforeKill + 20);
                load.finish();

                assertThat(load.unexpected).isEmpty();
                assertThat(load.acks).as("the survivor goes on acknowledging marks").hasSizeGreaterThan(beforeKill + 19);
                assertExactlyOnce(database.url(), setup.eventId, load);

                // The survivor serves everything, up to the last stored record.
                Http survivor = b.http().signIn(setup.headCode);
                long version = survivor.get("/api/events/" + setup.eventId + "/standings").json().getLong("version");
                assertThat(version).isEqualTo(lastSeq(database.url(), setup.eventId));
                assertThat(b.awaitMembers(1).getString("status")).isEqualTo("UP");
            }
        }
    }

    @Test
    void aPostgresRestartMidLoadLosesNoAcknowledgedMark() throws Exception {
        Path data = Files.createTempDirectory("jiangxin-pg-restart-");
        int port = Nodes.freePort();
        EmbeddedPostgres postgres = EmbeddedPostgres.start(data, port);
        DatabaseUrl url = DatabaseUrl.parse(postgres.url());
        try (JiangxinNode node = Nodes.single(url)) {
            JudgingSetup setup = new JudgingSetup(new Http(node.httpPort()).signIn(Nodes.ORGANIZER_CODE),
                    "2026年数据库重启测试赛");
            JudgeLoad load = new JudgeLoad(clients(setup, List.of(new Http(node.httpPort())))).start();
            // Counts rather than fixed sleeps: marks flow, the database goes and the judges are told so (503),
            // it comes back and marks are acknowledged again.
            awaitAcks(load, 20);
            postgres.close();
            await(() -> load.unavailable.get() > 0, "a 503 while the database is down");
            postgres = EmbeddedPostgres.start(data, port);
            int beforeRestart = load.acks.size();
            awaitAcks(load, beforeRestart + 20);
            load.finish();

            assertThat(load.unavailable.get()).as("503s while the database was down").isPositive();
            assertThat(load.unexpected).isEmpty();
            assertExactlyOnce(url, setup.eventId, load);
            Http head = new Http(node.httpPort()).signIn(setup.headCode);
            assertThat(head.get("/api/events/" + setup.eventId + "/standings").json().getLong("version"))
                    .isEqualTo(lastSeq(url, setup.eventId));
        } finally {
            postgres.close();
        }
    }

    static void await(java.util.function.BooleanSupplier condition, String what) {
        io.jiangxin.support.Poll.until(java.time.Duration.ofSeconds(60), what, condition);
    }

    static void awaitAcks(JudgeLoad load, int count) {
        await(() -> load.acks.size() >= count, count + " acknowledged marks");
    }

    /** Five tablets: j1 and j2 on both entries, j3 on the one it is not recused from. */
    static List<JudgeLoad.Client> clients(JudgingSetup setup, List<Http> nodes) {
        return clients(setup, nodes, "A1");
    }

    /** The same tablets marking another aspect, so that two loads never race for one mark. */
    static List<JudgeLoad.Client> clients(JudgingSetup setup, List<Http> nodes, String aspectId) {
        List<JudgeLoad.Client> clients = new ArrayList<>();
        String[][] plan = {{setup.j1Code, "001"}, {setup.j1Code, "002"}, {setup.j2Code, "001"},
                {setup.j2Code, "002"}, {setup.j3Code, "002"}};
        java.util.Map<String, String> tokens = new java.util.HashMap<>();
        for (String[] tablet : plan) {
            String token = tokens.computeIfAbsent(tablet[0], code -> nodes.get(0).post("/api/sessions",
                    new io.vertx.core.json.JsonObject().put("code", code)).json().getString("token"));
            clients.add(new JudgeLoad.Client(nodes.stream().map(n -> n.as(token)).toList(),
                    setup.sheet(tablet[1]) + "/marks", aspectId));
        }
        return clients;
    }

    static void assertExactlyOnce(DatabaseUrl url, long eventId, JudgeLoad load) throws Exception {
        assertExactlyOnce(url, eventId, load, List.of());
    }

    /** The same, with single marks acknowledged outside the load (their records' seqs), each with its own key. */
    static void assertExactlyOnce(DatabaseUrl url, long eventId, JudgeLoad load, List<Long> more) throws Exception {
        Set<Long> acknowledged = new HashSet<>(more);
        for (JudgeLoad.Ack ack : load.acks) {
            assertThat(ack.seqs()).hasSize(1);
            assertThat(acknowledged.add(ack.seqs().get(0))).as("each request has its own record").isTrue();
        }
        Set<Long> stored = new HashSet<>();
        long keys;
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl())) {
            try (ResultSet rows = connection.createStatement().executeQuery(
                    "select seq from score_event where event_id = " + eventId + " and kind in ('MARK', 'CORRECTION')")) {
                while (rows.next()) {
                    stored.add(rows.getLong(1));
                }
            }
            try (ResultSet rows = connection.createStatement().executeQuery("select count(*) from idempotency")) {
                rows.next();
                keys = rows.getLong(1);
            }
        }
        assertThat(stored).as("every acknowledged mark is stored, and nothing else").isEqualTo(acknowledged);
        assertThat(keys).as("one idempotency record per request").isEqualTo(load.acks.size() + more.size());
    }

    static long lastSeq(DatabaseUrl url, long eventId) throws Exception {
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl());
             ResultSet rows = connection.createStatement().executeQuery(
                     "select max(seq) from score_event where event_id = " + eventId)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
