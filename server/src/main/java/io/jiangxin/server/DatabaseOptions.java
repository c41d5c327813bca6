package io.jiangxin.server;

import io.jiangxin.embeddedpg.EmbeddedPostgres;
import io.jiangxin.storage.DatabaseUrl;
import io.jiangxin.server.config.Settings;
import io.jiangxin.storage.Database;
import io.jiangxin.storage.Migrations;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The database options the server's one-off commands share with the server itself: the configured URL, else the
 * embedded PostgreSQL under the data directory.
 */
final class DatabaseOptions {

    @Option(names = "--database-url", paramLabel = "URL", description = "as for the server (env DATABASE_URL)")
    String databaseUrl;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "as for the server (env JIANGXIN_DATA_DIR)")
    String dataDir;

    /** An open pool on the database, and what it took to open it; closing stops them all. */
    static final class Opened implements AutoCloseable {
        final Vertx vertx = Vertx.vertx();
        final Pool pool;
        final DatabaseUrl url;
        private final EmbeddedPostgres embedded;

        private Opened(EmbeddedPostgres embedded, DatabaseUrl url, boolean migrate) {
            this.embedded = embedded;
            this.url = url;
            if (migrate) {
                Migrations.migrate(url);
            }
            this.pool = Database.pool(vertx, url);
        }

        @Override
        public void close() throws Exception {
            try {
                JiangxinNode.await(pool.close());
                JiangxinNode.await(vertx.close());
            } finally {
                if (embedded != null) {
                    embedded.close();
                }
            }
        }
    }

    /**
     * The database the server uses: its URL, else the embedded PostgreSQL of a server running on the data directory,
     * else one started here for the command's duration.
     *
     * @param migrate whether to bring the schema up to date first, as a command that writes must */
    Opened open(boolean migrate) throws Exception {
        Main flags = new Main();
        flags.databaseUrl = databaseUrl;
        flags.dataDir = dataDir;
        Settings settings = flags.settings();
        DatabaseUrl url = settings.databaseUrl();
        EmbeddedPostgres embedded = null;
        if (url == null) {
            Path root = settings.dataDirectory().resolve("postgres");
            var running = EmbeddedPostgres.runningUrl(root);
            if (running.isPresent()) {
                url = DatabaseUrl.parse(running.get());
            } else {
                embedded = EmbeddedPostgres.start(root);
                url = DatabaseUrl.parse(embedded.url());
            }
        }
        try {
            return new Opened(embedded, url, migrate);
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }
}
