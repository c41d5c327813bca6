package io.jiangxin.backup;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.postgresql.PGConnection;

/**
 * Restores a backup archive into a database without Jiangxin rows: the schema is migrated to the backup's version
 * (a newer release migrates further at its next start), then every table is loaded in one transaction, parents
 * before children, the sequences are set and each table's count is checked against the manifest. A failure rolls
 * the rows back, so the restore can simply be run again.
 */
public final class DatabaseRestore {

    private DatabaseRestore() {
    }

    public static BackupManifest manifest(Path archive) throws IOException {
        try (ZipFile zip = open(archive)) {
            ZipEntry entry = zip.getEntry("manifest.json");
            if (entry == null) {
                throw new IOException(archive + " 不是匠心备份文件 / is not a Jiangxin backup (no manifest.json)");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return BackupManifest.fromJson(new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (RuntimeException e) {
                throw new IOException(archive + " 不是匠心备份文件 / is not a Jiangxin backup: " + e.getMessage());
            }
        }
    }

    private static ZipFile open(Path archive) throws IOException {
        try {
            return new ZipFile(archive.toFile());
        } catch (java.util.zip.ZipException e) {
            throw new IOException(archive + " 不是匠心备份文件 / is not a Jiangxin backup (" + e.getMessage() + ")");
        }
    }

    /**
     * @param migrateTo brings the target's schema to the given version (Flyway with a target)
     * @return the manifest restored, whose counts the loaded rows equal
     */
    public static BackupManifest restore(String jdbcUrl, Path archive, Consumer<String> migrateTo)
            throws IOException, SQLException {
        BackupManifest manifest = manifest(archive);
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            requireNoRows(connection);
        }
        migrateTo.accept(manifest.schemaVersion());
        try (ZipFile zip = open(archive);
             Connection connection = DriverManager.getConnection(jdbcUrl)) {
            connection.setAutoCommit(false);
            try {
                // A deferrable foreign key may close a cycle between tables (a need and its current order): it is
                // checked at the commit, when both sides are in.
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set constraints all deferred");
                }
                load(connection, zip, manifest);
                connection.commit();
            } catch (IOException | SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        return manifest;
    }

    /** A restore must not mix with rows already there (e.g. a server already started here made its organizer). */
    private static void requireNoRows(Connection connection) throws SQLException {
        List<String> tables = DatabaseBackup.tables(connection);
        for (String table : tables) {
            String any = DatabaseBackup.single(connection, "select 1 from " + DatabaseBackup.quote(table) + " limit 1");
            if (any != null) {
                throw new SQLException("目标数据库已有数据（表 " + table + "），请恢复到新建的空数据库 / the target database"
                        + " already holds rows (table " + table + "); restore into a new, empty database before any"
                        + " server starts on it");
            }
        }
    }

    private static void load(Connection connection, ZipFile zip, BackupManifest manifest)
            throws SQLException, IOException {
        Set<String> present = new LinkedHashSet<>(DatabaseBackup.tables(connection));
        Map<String, BackupManifest.Table> byName = new LinkedHashMap<>();
        manifest.tables().forEach(t -> byName.put(t.name(), t));
        if (!present.equals(byName.keySet())) {
            throw new SQLException("备份的表与数据库结构 " + manifest.schemaVersion() + " 不符 / the backup's tables "
                    + byName.keySet() + " differ from schema version " + manifest.schemaVersion() + "'s " + present);
        }
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        for (String table : parentsFirst(connection, present)) {
            BackupManifest.Table t = byName.get(table);
            ZipEntry entry = zip.getEntry("tables/" + table + ".copy");
            if (entry == null) {
                throw new IOException("备份缺少表 " + table + " / the backup lacks table " + table);
            }
            long rows;
            try (InputStream in = zip.getInputStream(entry)) {
                rows = copy.copyIn("copy " + DatabaseBackup.quote(table) + " ("
                        + String.join(", ", DatabaseBackup.quoted(t.columns())) + ") from stdin", in);
            }
            if (rows != t.rows()) {
                throw new SQLException("表 " + table + " 载入 " + rows + " 行，备份记有 " + t.rows() + " 行 / table "
                        + table + " loaded " + rows + " rows, the backup lists " + t.rows());
            }
        }
        try (PreparedStatement setval = connection.prepareStatement("select setval(?::regclass, ?, true)")) {
            for (BackupManifest.Sequence sequence : manifest.sequences()) {
                if (sequence.lastValue() != null) {
                    setval.setString(1, "public." + DatabaseBackup.quote(sequence.name()));
                    setval.setLong(2, sequence.lastValue());
                    setval.execute();
                }
            }
        }
    }

    /**
     * Tables ordered so that each comes after the tables its foreign keys name (self-references and deferrable keys,
     * checked at the commit, aside).
     */
    static List<String> parentsFirst(Connection connection, Set<String> tables) throws SQLException {
        Map<String, Set<String>> parents = new HashMap<>();
        tables.forEach(t -> parents.put(t, new LinkedHashSet<>()));
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select child.relname, parent.relname from pg_constraint c"
                     + " join pg_class child on child.oid = c.conrelid join pg_class parent on parent.oid = c.confrelid"
                     + " join pg_namespace n on n.oid = c.connamespace where c.contype = 'f' and not c.condeferrable"
                     + " and n.nspname = 'public'")) {
            while (rs.next()) {
                if (!rs.getString(1).equals(rs.getString(2)) && parents.containsKey(rs.getString(1))) {
                    parents.get(rs.getString(1)).add(rs.getString(2));
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        while (ordered.size() < tables.size()) {
            boolean progressed = false;
            for (String table : tables) {
                if (!done.contains(table) && done.containsAll(parents.get(table))) {
                    ordered.add(table);
                    done.add(table);
                    progressed = true;
                }
            }
            if (!progressed) {
                throw new SQLException("外键成环，无法排序 / the foreign keys form a cycle among "
                        + tables.stream().filter(t -> !done.contains(t)).toList());
            }
        }
        return ordered;
    }
}
