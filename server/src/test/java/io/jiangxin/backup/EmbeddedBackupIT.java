package io.jiangxin.backup;

import static io.jiangxin.backup.BackupRestoreIT.counts;
import static io.jiangxin.backup.BackupRestoreIT.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.server.config.Settings;
import io.jiangxin.support.Http;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.jiangxin.support.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL (17) and an external one (the test server's) exchange backups both ways: a backup of the
 * external database restores into a fresh data directory, a node runs on it, and a backup taken from that running
 * node's embedded database (found through its postmaster.pid) restores into a new external database with the
 * same rows and intact chains.
 */
class EmbeddedBackupIT {

    @RegisterExtension
    static final TestServer SERVER = TestServer.perClass();

    @TempDir
    Path dir;

    @Test
    void backupsMoveBetweenEmbeddedAndExternalDatabases() throws Exception {
        JudgingSetup setup = new JudgingSetup(SERVER.organizer(), "2026年内置库备份测试赛");
        Http judge = SERVER.anonymous().signIn(setup.j1Code);
        assertThat(JudgingSetup.once(judge).post(setup.sheet("001") + "/marks", new io.vertx.core.json.JsonObject()
                .put("marks", new io.vertx.core.json.JsonArray().add(new io.vertx.core.json.JsonObject()
                        .put("aspectId", "A1").put("value", 6)))).status()).isEqualTo(201);
        Map<String, Long> source = counts(SERVER.database());
        Path external = dir.resolve("external.jxbackup");
        assertThat(run("backup", "--database-url", SERVER.database().url().toString(), "--out", external.toString())
                .status()).isZero();

        Path data = dir.resolve("data");
        BackupRestoreIT.Run restored = run("restore", "--data-dir", data.toString(), "--in", external.toString());
        assertThat(restored.status()).as(restored.err()).isZero();

        Path embedded = dir.resolve("embedded.jxbackup");
        Settings settings = new Settings(0, null, List.of(), Nodes.freePort(), "127.0.0.1", false, data,
                Nodes.ORGANIZER_CODE, java.time.Duration.ofHours(12));
        try (JiangxinNode node = JiangxinNode.start(settings)) {
            Http organizer = new Http(node.httpPort()).signIn(Nodes.ORGANIZER_CODE);
            assertThat(organizer.get("/api/events/" + setup.eventId).status()).isEqualTo(200);
            BackupRestoreIT.Run backup = run("backup", "--data-dir", data.toString(), "--out", embedded.toString());
            assertThat(backup.status()).as(backup.err()).isZero();
            assertThat(backup.out()).contains("PostgreSQL 17");
        }

        try (TestDatabase target = TestDatabase.blank()) {
            BackupRestoreIT.Run back = run("restore", "--database-url", target.url().toString(), "--in",
                    embedded.toString());
            assertThat(back.status()).as(back.err()).isZero();
            Map<String, Long> after = counts(target);
            // The node on the embedded database signed the organizer in: one session more, nothing else.
            assertThat(after.get("session")).isGreaterThanOrEqualTo(source.get("session"));
            after.remove("session");
            source.remove("session");
            assertThat(after).isEqualTo(source);
            assertThat(run("verify-log", "--database-url", target.url().toString()).status()).isZero();
        }
    }
}
