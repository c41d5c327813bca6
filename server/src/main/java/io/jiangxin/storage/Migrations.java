package io.jiangxin.storage;

import io.jiangxin.storage.DatabaseUrl;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Runs the schema migrations with Flyway; the only place that uses JDBC, and only at start-up. */
public final class Migrations {

    private Migrations() {
    }

    /** Migrates only up to {@code version}, as a restore does so that the backup's rows fit the schema. */
    public static MigrateResult migrate(DatabaseUrl url, String version) {
        return Flyway.configure()
                .dataSource(url.jdbcUrl(), null, null)
                .locations("classpath:db/migration")
                .target(version)
                .load()
                .migrate();
    }

    public static MigrateResult migrate(DatabaseUrl url) {
        return Flyway.configure()
                .dataSource(url.jdbcUrl(), null, null)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
