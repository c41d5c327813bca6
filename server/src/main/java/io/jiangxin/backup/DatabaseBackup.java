package io.jiangxin.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.postgresql.PGConnection;

/**
 * Writes a logical backup of the Jiangxin schema: every table's rows as PostgreSQL COPY text, read in one
 * REPEATABLE READ snapshot, so a backup taken while nodes judge holds each score log with its chain head as they
 * were at one instant. The format does not depend on the PostgreSQL version or on client tools (the embedded
 * server ships none), so a backup of the embedded PostgreSQL 17 restores into an external 15 and back.
 */
public final class DatabaseBackup {

    /** Flyway's own table: the restore recreates it by migrating to the backup's schema version. */
    static final String SCHEMA_HISTORY = "flyway_schema_history";

    private DatabaseBackup() {
    }

    /** Writes the archive to a temporary sibling first, so a failed backup never leaves a half file under its name. */
    public static BackupManifest write(String jdbcUrl, Path out, String jiangxinVersion) throws IOException, SQLException {
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        BackupManifest manifest;
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try (OutputStream file = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(file)) {
                manifest = write(connection, zip, jiangxinVersion);
            } finally {
                connection.rollback();
            }
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return manifest;
    }

    private static BackupManifest write(Connection connection, ZipOutputStream zip, String jiangxinVersion)
            throws SQLException, IOException {
        // The first query fixes the snapshot; everything after reads the same committed state.
        String schemaVersion = schemaVersion(connection);
        String serverVersion = single(connection, "show server_version");
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        List<BackupManifest.Table> tables = new ArrayList<>();
        for (String table : tables(connection)) {
            List<String> columns = columns(connection, table);
            zip.putNextEntry(new ZipEntry("tables/" + table + ".copy"));
            long rows = copy.copyOut("copy (select " + String.join(", ", quoted(columns)) + " from "
                    + quote(table) + ") to stdout", new NonClosing(zip));
            zip.closeEntry();
            tables.add(new BackupManifest.Table(table, columns, rows));
        }
        List<BackupManifest.Sequence> sequences = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select sequencename, last_value from pg_sequences"
                     + " where schemaname = 'public' order by sequencename")) {
            while (rs.next()) {
                String name = rs.getString(1);
                long value = rs.getLong(2);
                sequences.add(new BackupManifest.Sequence(name, rs.wasNull() ? null : value));
            }
        }
        BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, jiangxinVersion, schemaVersion,
                Instant.now().toString(), serverVersion, tables, sequences);
        zip.putNextEntry(new ZipEntry("manifest.json"));
        zip.write(manifest.toJson().encodePrettily().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        return manifest;
    }

    static String schemaVersion(Connection connection) throws SQLException {
        String version = single(connection, "select version from " + SCHEMA_HISTORY
                + " where success and version is not null order by installed_rank desc limit 1");
        if (version == null) {
            throw new SQLException("数据库中没有匠心的表 / the database holds no Jiangxin schema");
        }
        return version;
    }

    static List<String> tables(Connection connection) throws SQLException {
        return names(connection, "select c.relname from pg_class c"
                + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public'"
                + " and c.relkind in ('r', 'p') and not c.relispartition and c.relname <> ? order by c.relname",
                SCHEMA_HISTORY);
    }

    /** The stored columns in their order; generated columns are computed again on restore. */
    static List<String> columns(Connection connection, String table) throws SQLException {
        return names(connection, "select a.attname from pg_attribute a"
                + " where a.attrelid = ('public.' || quote_ident(?))::regclass and a.attnum > 0"
                + " and not a.attisdropped and a.attgenerated = '' order by a.attnum", table);
    }

    /** The first column of every row a catalogue query with one text parameter returns. */
    private static List<String> names(Connection connection, String sql, String parameter) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static List<String> quoted(List<String> identifiers) {
        return identifiers.stream().map(DatabaseBackup::quote).toList();
    }

    /** The COPY API closes the stream it writes to; the zip must stay open for the next entry. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** For the restore: the archive's entry for a table, unclosable for the same reason. */
    static InputStream nonClosing(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() {
            }
        };
    }
}
