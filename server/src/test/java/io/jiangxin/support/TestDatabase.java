package io.jiangxin.support;

import io.jiangxin.storage.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh database on the real PostgreSQL the tests run against (127.0.0.1:5432 unless JIANGXIN_TEST_PG says
 * otherwise), dropped again when closed. Each test class gets its own, so classes never see each other's rows.
 */
public final class TestDatabase implements AutoCloseable {

    private static final DatabaseUrl SERVER = DatabaseUrl.parse(System.getenv().getOrDefault("JIANGXIN_TEST_PG",
            "postgresql://postgres@127.0.0.1:5432/postgres"));

    private final DatabaseUrl url;

    private TestDatabase(DatabaseUrl url) {
        this.url = url;
    }

    /**
     * A fresh database with the schema already migrated: a copy of a template migrated once per set of migrations, so
     * a test class does not pay for twenty migrations. A node started on it finds nothing left to migrate.
     */
    public static TestDatabase create() {
        String name = freshName();
        try {
            execute("create database " + name + " template " + MigratedTemplate.name());
        } catch (IllegalStateException gone) {
            MigratedTemplate.forget();
            execute("create database " + name + " template " + MigratedTemplate.name());
        }
        return new TestDatabase(SERVER.withDatabase(name));
    }

    /** A fresh empty database, for what must start from nothing: a restore, or an earlier release's migrations. */
    public static TestDatabase blank() {
        String name = freshName();
        execute("create database " + name);
        return new TestDatabase(SERVER.withDatabase(name));
    }

    static DatabaseUrl server() {
        return SERVER;
    }

    private static String freshName() {
        return "jx_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    public DatabaseUrl url() {
        return url;
    }

    /** Runs one statement in this database over JDBC, outside the server under test. */
    public long queryLong(String sql) {
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl());
             Statement statement = connection.createStatement();
             var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row of one query, as text (e.g. the schema's index names). */
    public java.util.List<String> queryStrings(String sql) {
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl());
             Statement statement = connection.createStatement();
             var result = statement.executeQuery(sql)) {
            java.util.List<String> values = new java.util.ArrayList<>();
            while (result.next()) {
                values.add(result.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Lets this database take connections again, or refuses new ones and ends the open ones: to the server under
     * test, its database is away.
     */
    public void allowConnections(boolean allowed) {
        try (Connection connection = DriverManager.getConnection(SERVER.jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("alter database " + url.database() + " allow_connections " + allowed);
            if (!allowed) {
                statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
                        + url.database() + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        execute("drop database if exists " + url.database() + " with (force)");
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER.jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + SERVER, e);
        }
    }
}
