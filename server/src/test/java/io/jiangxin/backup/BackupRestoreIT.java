package io.jiangxin.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.results.ScoredEvent;
import io.jiangxin.server.JiangxinNode;
import io.jiangxin.server.MainAccess;
import io.jiangxin.support.Http;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.jiangxin.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup} and {@code restore} of the server jar, round trip: a judged, signed-off and published event is
 * backed up while the server runs, restored into a fresh database, and the restored one has the same rows in every
 * table, the same score-log chains by {@code verify-log}, and a node started on it publishes the same results.
 * A backup taken while a judge keeps marking restores to chains that verify, with every head matching its log.
 */
class BackupRestoreIT {

    @RegisterExtension
    static final TestServer SERVER = TestServer.perClass();

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = MainAccess.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return new Run(commandLine.execute(args), out.toString(), err.toString());
    }

    /** Every Jiangxin table's row count, over JDBC from outside the server. */
    static Map<String, Long> counts(TestDatabase database) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(database.url().jdbcUrl())) {
            for (String table : DatabaseBackup.tables(connection)) {
                try (ResultSet rs = connection.createStatement().executeQuery("select count(*) from " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    /**
     * {@code version} counts the live board's updates in this cluster's memory (a rebuilt state starts again at 1);
     * it is not part of what was published.
     */
    private static JsonObject withoutLiveVersion(JsonObject results) {
        JsonObject copy = results.copy();
        copy.remove("version");
        copy.getJsonArray("events", new JsonArray()).forEach(e -> ((JsonObject) e).remove("version"));
        return copy;
    }

    @Test
    void aJudgedAndPublishedSeasonComesBackWhole() throws Exception {
        Http organizer = SERVER.organizer();
        ScoredEvent scored = new ScoredEvent(organizer, SERVER.anonymous(), "2026年备份恢复测试赛");
        scored.markAndLock("001", 9, 8, 10);
        scored.markAndLock("002", 7, 6, 0);
        scored.signOff();
        Http.Reply published = organizer.post("/api/events/" + scored.setup.eventId + "/publication",
                new JsonObject().put("noticeHours", 72));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        String eventResults = "/api/events/" + scored.setup.eventId + "/results";
        String contestResults = "/api/contests/" + scored.setup.contestId + "/results";
        JsonObject before = SERVER.anonymous().get(eventResults).json();
        assertThat(before.getString("state")).isEqualTo("NOTICE");
        assertThat(before.getJsonArray("lines")).hasSize(2);

        Path archive = dir.resolve("season.jxbackup");
        Run backup = run("backup", "--database-url", SERVER.database().url().toString(), "--out", archive.toString());
        assertThat(backup.status()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("备份完成").contains("rows");
        assertThat(Files.size(archive)).isPositive();
        Map<String, Long> source = counts(SERVER.database());
        assertThat(source.get("score_event")).isGreaterThanOrEqualTo(14);

        try (TestDatabase target = TestDatabase.blank()) {
            Run restore = run("restore", "--database-url", target.url().toString(), "--in", archive.toString());
            assertThat(restore.status()).as(restore.err()).isZero();
            assertThat(counts(target)).isEqualTo(source);

            Run verifySource = run("verify-log", "--database-url", SERVER.database().url().toString());
            Run verifyTarget = run("verify-log", "--database-url", target.url().toString());
            assertThat(verifyTarget.status()).isZero();
            assertThat(verifyTarget.out()).isEqualTo(verifySource.out()).contains("intact");

            // The same results from a node on the restored database: names, totals, places, awards, notice.
            try (JiangxinNode restored = Nodes.single(target.url())) {
                Http reader = new Http(restored.httpPort());
                assertThat(withoutLiveVersion(reader.get(eventResults).json())).isEqualTo(withoutLiveVersion(before));
                assertThat(withoutLiveVersion(reader.get(contestResults).json()))
                        .isEqualTo(withoutLiveVersion(SERVER.anonymous().get(contestResults).json()));
                // New rows get new ids: the identity sequences were carried over.
                Http.Reply org = reader.signIn(Nodes.ORGANIZER_CODE).post("/api/organizations",
                        new JsonObject().put("name", "恢复后新单位").put("region", "潍坊市"));
                assertThat(org.status()).as(org.body()).isEqualTo(201);
            }

            // A second restore into the now used database is refused, naming why, and changes nothing.
            Map<String, Long> used = counts(target);
            Run again = run("restore", "--database-url", target.url().toString(), "--in", archive.toString());
            assertThat(again.status()).isEqualTo(1);
            assertThat(again.err()).contains("already holds rows");
            assertThat(counts(target)).isEqualTo(used);
        }
    }

    @Test
    void aBackupTakenWhileJudgingHoldsWholeChains() throws Exception {
        JudgingSetup setup = new JudgingSetup(SERVER.organizer(), "2026年运行中备份测试赛");
        Http judge = SERVER.anonymous().signIn(setup.j1Code);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger marks = new AtomicInteger();
        Thread writer = new Thread(() -> {
            int value = 0;
            while (writing.get()) {
                value = value % 10 + 1;
                Http.Reply marked = JudgingSetup.once(judge).post(setup.sheet("001") + "/marks", new JsonObject()
                        .put("marks", new JsonArray().add(new JsonObject().put("aspectId", "A1").put("value", value))));
                if (marked.status() == 201 || marked.status() == 200) {
                    marks.incrementAndGet();
                }
            }
        }, "marking-judge");
        writer.start();
        Path archive = dir.resolve("while-judging.jxbackup");
        Run backup;
        try {
            while (marks.get() < 20) {
                Thread.onSpinWait();
            }
            backup = run("backup", "--database-url", SERVER.database().url().toString(), "--out", archive.toString());
            int atBackupEnd = marks.get();
            while (marks.get() < atBackupEnd + 20) {
                Thread.onSpinWait();
            }
        } finally {
            writing.set(false);
            writer.join();
        }
        assertThat(backup.status()).as(backup.err()).isZero();

        try (TestDatabase target = TestDatabase.blank()) {
            Run restore = run("restore", "--database-url", target.url().toString(), "--in", archive.toString());
            assertThat(restore.status()).as(restore.err()).isZero();
            Run verify = run("verify-log", "--database-url", target.url().toString());
            assertThat(verify.status()).as(verify.out()).isZero();
            long records = target.queryLong("select count(*) from score_event where event_id = " + setup.eventId);
            assertThat(records).isBetween(20L, (long) marks.get() - 1);
            // The chain head is the last record of the same snapshot, not a later one.
            assertThat(target.queryLong("select last_seq from event_chain where event_id = " + setup.eventId))
                    .isEqualTo(target.queryLong("select max(seq) from score_event where event_id = " + setup.eventId));
        }
        assertThat(SERVER.database().queryLong("select count(*) from score_event where event_id = " + setup.eventId))
                .isGreaterThanOrEqualTo(marks.get());
    }

    @Test
    void aFileThatIsNotABackupIsRefused() throws Exception {
        Path bogus = Files.writeString(dir.resolve("not-a-backup.jxbackup"), "hello");
        Run restore = run("restore", "--database-url", SERVER.database().url().toString(), "--in", bogus.toString());
        assertThat(restore.status()).isEqualTo(1);
        assertThat(restore.err()).contains("not a Jiangxin backup");
    }
}
