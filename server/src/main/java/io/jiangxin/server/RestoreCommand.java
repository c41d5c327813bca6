package io.jiangxin.server;

import io.jiangxin.backup.BackupManifest;
import io.jiangxin.backup.DatabaseRestore;
import io.jiangxin.storage.Migrations;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code restore --in FILE}: loads a backup into an empty database (a new external one, or the embedded one of a
 * fresh data directory) before any server starts on it; exit 1 with the reason when it cannot.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "从备份恢复到空数据库 / restore a backup into an empty database, before the servers start")
final class RestoreCommand extends DatabaseCommand {

    static final int FAILED = 1;

    @Option(names = "--in", paramLabel = "FILE", required = true, description = "the archive written by backup")
    Path in;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        // Read the archive before touching a database, so a wrong file fails fast.
        BackupManifest manifest;
        try {
            manifest = DatabaseRestore.manifest(in);
        } catch (java.io.IOException e) {
            errors().println("恢复失败 / restore failed: " + e.getMessage());
            return FAILED;
        }
        try (DatabaseOptions.Opened opened = database.open(false)) {
            try {
                DatabaseRestore.restore(opened.url.jdbcUrl(), in, version -> Migrations.migrate(opened.url, version));
            } catch (java.sql.SQLException e) {
                errors().println("恢复失败 / restore failed: " + e.getMessage());
                return FAILED;
            }
            long rows = manifest.tables().stream().mapToLong(BackupManifest.Table::rows).sum();
            console().printf("恢复完成 / restored %s into %s (schema V%s, backup of %s): %d tables, %d rows, in %d ms%n",
                    in, opened.url, manifest.schemaVersion(), manifest.createdAt(), manifest.tables().size(), rows,
                    (System.nanoTime() - started) / 1_000_000);
            console().flush();
            return 0;
        }
    }
}
