package io.jiangxin.http;

import static io.jiangxin.support.JudgingSetup.once;
import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Download;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.JudgingSetup;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The export of a 2,000-entry event, measured through HTTP on one node: 2,000 entrants imported from a CSV over
 * 20 enterprises, two judges mark every sheet (12,000 marks), then each export is downloaded three times after a
 * warm-up and the median is printed. Not part of the suite (its name does not end in Test); run it with
 * {@code mvn -q -o -pl server -am verify -Dtest=ExportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ExportBenchmark {

    static final int ENTRIES = 2_000;

    @Test
    void exportTwoThousandEntries() throws Exception {
        try (TestDatabase database = TestDatabase.create()) {
            JiangxinNode node = Nodes.single(database.url());
            try {
                run(node);
            } finally {
                node.close();
            }
        }
    }

    private static void run(JiangxinNode node) throws Exception {
        Http http = new Http(node.httpPort());
        Http organizer = http.signIn(Nodes.ORGANIZER_CODE);
        JudgingSetup setup = new JudgingSetup(organizer, "2026年职工技能大赛导出压测", "SKILLS", ExcelExportIT.scheme());
        StringBuilder csv = new StringBuilder("赛项,单位,工号,姓名\n");
        for (int e = 1; e <= 20; e++) {
            assertThat(organizer.post("/api/organizations", new JsonObject().put("name", "压测企业" + e)).status())
                    .isEqualTo(201);
        }
        for (int i = 3; i <= ENTRIES; i++) {
            csv.append("焊工,压测企业").append(i % 20 + 1).append(",E").append(i).append(",选手").append(i).append('\n');
        }
        Reply imported = organizer.sendBody("POST", "/api/contests/" + setup.contestId + "/registrations/imports",
                csv.toString(), "text/csv");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        Http j1 = http.signIn(setup.j1Code);
        Http j2 = http.signIn(setup.j2Code);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> marks = new ArrayList<>();
        Random random = new Random(2026);
        for (int i = 1; i <= ENTRIES; i++) {
            String code = String.format("%03d", i);
            double a1 = random.nextInt(17) / 2.0 + 1;
            double a2 = random.nextInt(17) / 2.0 + 1;
            int y1 = random.nextInt(4) == 0 ? 0 : 10;
            marks.add(pool.submit(() -> mark(j1, setup, code, a1, a2, y1)));
            marks.add(pool.submit(() -> mark(j2, setup, code, a1 + 0.5, a2, y1)));
        }
        for (Future<Integer> mark : marks) {
            assertThat(mark.get()).isEqualTo(201);
        }
        pool.shutdown();
        System.out.printf("set-up: %d entries marked by 2 judges in %.1f s%n", ENTRIES,
                (System.nanoTime() - started) / 1e9);

        List<String> paths = List.of("/api/events/" + setup.eventId + "/results.xlsx",
                "/api/contests/" + setup.contestId + "/results.xlsx",
                "/api/contests/" + setup.contestId + "/team-results.xlsx",
                "/api/events/" + setup.eventId + "/marks.xlsx",
                "/api/events/" + setup.eventId + "/audit.xlsx");
        Files.createDirectories(ExcelExportIT.SAMPLES);
        for (String path : paths) {
            Download warm = organizer.download(path);
            assertThat(warm.status()).isEqualTo(200);
            long[] millis = new long[3];
            for (int i = 0; i < millis.length; i++) {
                long t0 = System.nanoTime();
                Download download = organizer.download(path);
                millis[i] = (System.nanoTime() - t0) / 1_000_000;
                assertThat(download.status()).isEqualTo(200);
                warm = download;
            }
            Arrays.sort(millis);
            String name = "bench-2000-" + path.substring(path.lastIndexOf('/') + 1).replace(".xlsx", "")
                    + (path.contains("/contests/") ? "-contest" : "") + ".xlsx";
            Files.write(ExcelExportIT.SAMPLES.resolve(name), warm.body());
            System.out.printf("%-48s median %5d ms (runs %s), %,d bytes%n", path, millis[1], Arrays.toString(millis),
                    warm.body().length);
        }
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        System.out.printf("heap after the runs and a GC: %d MiB used of %d MiB max%n", heap.getUsed() >> 20,
                heap.getMax() >> 20);
        JsonArray rows = organizer.get("/api/events/" + setup.eventId + "/standings").json().getJsonArray("rows");
        assertThat(rows).hasSize(ENTRIES);
    }

    private static int mark(Http judge, JudgingSetup setup, String code, double a1, double a2, int y1) {
        JsonArray marks = new JsonArray().add(new JsonObject().put("aspectId", "A1").put("value", a1))
                .add(new JsonObject().put("aspectId", "A2").put("value", a2))
                .add(new JsonObject().put("aspectId", "Y1").put("value", y1));
        return once(judge).post(setup.sheet(code) + "/marks", new JsonObject().put("marks", marks)).status();
    }
}
