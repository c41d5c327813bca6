package io.jiangxin.server;

import io.jiangxin.backup.BackupManifest;
import io.jiangxin.backup.DatabaseBackup;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code backup --out FILE}: the whole season as one archive, consistent while the servers run (one snapshot).
 * Without a database URL it reads the embedded PostgreSQL: the running server's, or one started for the backup.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "备份数据库（运行中亦一致）/ back up the database to one file, consistent while servers run")
final class BackupCommand extends DatabaseCommand {

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "the archive to write (.jxbackup)")
    Path out;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        try (DatabaseOptions.Opened opened = database.open(false)) {
            BackupManifest manifest = DatabaseBackup.write(opened.url.jdbcUrl(), out, Version.current());
            long rows = manifest.tables().stream().mapToLong(BackupManifest.Table::rows).sum();
            console().printf("备份完成 / backed up %s (schema V%s, PostgreSQL %s): %d tables, %d rows, %d bytes, in %d ms%n",
                    opened.url, manifest.schemaVersion(), manifest.serverVersion(), manifest.tables().size(), rows,
                    Files.size(out), (System.nanoTime() - started) / 1_000_000);
            console().flush();
            return 0;
        }
    }
}
