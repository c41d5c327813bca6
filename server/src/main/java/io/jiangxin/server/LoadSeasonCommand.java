package io.jiangxin.server;

import io.jiangxin.fixtures.DemoSeason;
import io.jiangxin.fixtures.Season;
import io.jiangxin.fixtures.SeedScaleSeason;
import io.jiangxin.storage.SeasonLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Loads the demo season or a generated seed-scale season into the database, and reports time and memory. */
@Command(name = "load-season", mixinStandardHelpOptions = true,
        description = "载入演示赛季或种子规模赛季 / load the demo season or a seed-scale season (393 events, "
                + "1,136 enterprises, 98,000 entries)")
final class LoadSeasonCommand extends DatabaseCommand {

    enum Scale { DEMO, SEED }

    @Option(names = "--scale", defaultValue = "DEMO", description = "DEMO or SEED (default DEMO)")
    Scale scale;

    @Option(names = "--seed", defaultValue = "2023", description = "random seed of the generated season")
    long seed;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        long started = System.nanoTime();
        Season season = scale == Scale.SEED ? SeedScaleSeason.generate(seed) : DemoSeason.load();
        long generated = System.nanoTime();

        try (DatabaseOptions.Opened opened = database.open(true)) {
            long loading = System.nanoTime();
            SeasonLoader.Counts counts = JiangxinNode.await(new SeasonLoader(opened.pool).load(season));
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
            return 0;
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
