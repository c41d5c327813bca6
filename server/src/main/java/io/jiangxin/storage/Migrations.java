package io.jiangxin.storage;

import io.jiangxin.server.config.DatabaseUrl;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Runs the schema migrations with Flyway; the only place that uses JDBC, and only at start-up. */
public final class Migrations {

    private Migrations() {
    }

    public static MigrateResult migrate(DatabaseUrl url) {
        return Flyway.configure()
                .dataSource(url.jdbcUrl(), null, null)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
