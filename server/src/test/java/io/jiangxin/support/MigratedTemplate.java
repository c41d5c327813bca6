package io.jiangxin.support;

import io.jiangxin.storage.Migrations;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The database every test database is copied from: migrated once, named by a digest of the migrations so that a
 * changed migration makes a new one. Forks and builds that run at the same time agree through an advisory lock on
 * the server; the template is finished before its name can be seen, because it is built under another name and
 * renamed.
 */
final class MigratedTemplate {

    /** Any fixed number: the advisory lock's key among the tests' sessions. */
    private static final long LOCK = 0x6a69616e67L;

    private static String name;

    private MigratedTemplate() {
    }

    static synchronized String name() {
        if (name == null) {
            name = ensure("jx_template_" + digestOfMigrations());
        }
        return name;
    }

    private static String ensure(String template) {
        try (Connection connection = DriverManager.getConnection(TestDatabase.server().jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_lock(" + LOCK + ")");
            try {
                if (!exists(statement, template)) {
                    String building = template + "_building";
                    statement.execute("drop database if exists " + building + " with (force)");
                    statement.execute("create database " + building);
                    Migrations.migrate(TestDatabase.server().withDatabase(building));
                    statement.execute("alter database " + building + " rename to " + template);
                    dropStale(statement, template);
                }
            } finally {
                statement.execute("select pg_advisory_unlock(" + LOCK + ")");
            }
            return template;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make the migrated template database " + template, e);
        }
    }

    private static boolean exists(Statement statement, String database) throws SQLException {
        try (var result = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
            return result.next();
        }
    }

    /**
     * Templates of other migrations are left from earlier builds. One that a build of another checkout is copying
     * right now is in use and stays; if it goes, that build makes it again (see {@link #forget}).
     */
    private static void dropStale(Statement statement, String current) throws SQLException {
        for (String stale : staleTemplates(statement, current)) {
            try {
                statement.execute("drop database if exists " + stale);
            } catch (SQLException inUse) {
                // Being copied: leave it to the next build.
            }
        }
    }

    /** The template went (another checkout's build dropped it as stale): the next copy makes it again. */
    static synchronized void forget() {
        name = null;
    }

    private static List<String> staleTemplates(Statement statement, String current) throws SQLException {
        List<String> stale = new java.util.ArrayList<>();
        try (var result = statement.executeQuery(
                "select datname from pg_database where datname like 'jx\\_template\\_%' and datname <> '" + current + "'")) {
            while (result.next()) {
                stale.add(result.getString(1));
            }
        }
        return stale;
    }

    /** Every migration's name and content, in name order, digested: the template's identity. */
    private static String digestOfMigrations() {
        try {
            var folder = Migrations.class.getClassLoader().getResource("db/migration");
            if (folder == null) {
                throw new IllegalStateException("no db/migration on the class path");
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // The tests run from the compiled classes (see the failsafe configuration), so the migrations are files.
            digestFolder(Path.of(folder.toURI()), digest);
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot read the migrations", e);
        }
    }

    private static void digestFolder(Path folder, MessageDigest digest) throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.sorted(java.util.Comparator.comparing(Path::toString)).toList();
        }
        for (Path file : files) {
            digest.update(file.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            try (InputStream in = Files.newInputStream(file)) {
                digest.update(in.readAllBytes());
            }
        }
    }
}
