package io.jiangxin.server;

import io.jiangxin.embeddedpg.EmbeddedPostgres;
import io.jiangxin.fixtures.DemoSeason;
import io.jiangxin.fixtures.Season;
import io.jiangxin.fixtures.SeedScaleSeason;
import io.jiangxin.server.config.DatabaseUrl;
import io.jiangxin.server.config.Settings;
import io.jiangxin.storage.Database;
import io.jiangxin.storage.Migrations;
import io.jiangxin.storage.SeasonLoader;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Loads the demo season or a generated seed-scale season into the database, and reports time and memory. */
@Command(name = "load-season", mixinStandardHelpOptions = true,
        description = "载入演示赛季或种子规模赛季 / load the demo season or a seed-scale season (393 events, "
                + "1,136 enterprises, 98,000 entries)")
final class LoadSeasonCommand implements Callable<Integer> {

    enum Scale { DEMO, SEED }

    @Spec
    CommandSpec spec;

    @Option(names = "--scale", defaultValue = "DEMO", description = "DEMO or SEED (default DEMO)")
    Scale scale;

    @Option(names = "--seed", defaultValue = "2023", description = "random seed of the generated season")
    long seed;

    @Option(names = "--database-url", paramLabel = "URL", description = "as for the server (env DATABASE_URL)")
    String databaseUrl;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "as for the server (env JIANGXIN_DATA_DIR)")
    String dataDir;

    @Override
    public Integer call() throws Exception {
        Main flags = new Main();
        flags.databaseUrl = databaseUrl;
        flags.dataDir = dataDir;
        Settings settings = flags.settings();
        var out = spec.commandLine().getOut();

        long started = System.nanoTime();
        Season season = scale == Scale.SEED ? SeedScaleSeason.generate(seed) : DemoSeason.load();
        long generated = System.nanoTime();

        EmbeddedPostgres embedded = null;
        Vertx vertx = Vertx.vertx();
        try {
            DatabaseUrl url = settings.databaseUrl();
            if (url == null) {
                embedded = EmbeddedPostgres.start(settings.dataDirectory().resolve("postgres"));
                url = DatabaseUrl.parse(embedded.url());
            }
            Migrations.migrate(url);
            Pool pool = Database.pool(vertx, url);
            long loading = System.nanoTime();
            SeasonLoader.Counts counts = JiangxinNode.await(new SeasonLoader(pool).load(season));
            long loaded = System.nanoTime();
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            out.printf("season %s: %d organizations, %d people, %d contests, %d teams, %d entries%n", scale,
                    season.organizations().size(), season.people().size(), season.contests().size(),
                    season.teams().size(), season.entries().size());
            out.printf("added: %s%n", counts);
            out.printf("generate: %d ms, load into PostgreSQL: %d ms, total: %d ms%n",
                    (generated - started) / 1_000_000, (loaded - loading) / 1_000_000, (loaded - started) / 1_000_000);
            out.printf("heap used after GC: %d MiB, resident set: %s%n",
                    (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024), residentSet());
            JiangxinNode.await(pool.close());
            return 0;
        } finally {
            JiangxinNode.await(vertx.close());
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static String residentSet() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:")).map(line -> line.substring(6).strip())
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
