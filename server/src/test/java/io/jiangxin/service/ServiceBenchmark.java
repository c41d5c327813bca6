package io.jiangxin.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.server.JiangxinNode;
import io.jiangxin.support.Http;
import io.jiangxin.support.Http.Reply;
import io.jiangxin.support.Nodes;
import io.jiangxin.support.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The service platform's two benchmarks (docs/benchmarks.md). Not part of the suite (its name does not end in
 * Test); run it with
 * {@code mvn -q -o -pl server -am verify -Dtest=ServiceBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <ol>
 *   <li>Matching one need against 10,000 craftsmen: the pure {@link Matching#rank} in this JVM, and the
 *       suggestions endpoint over HTTP on one node with the 10,000 on the platform's resource list in PostgreSQL
 *       (their open orders and ratings included in the read); p50 and p99 of each.</li>
 *   <li>The dashboard over a city-year of 5,000 needs (and their 4,000 orders): {@link Dashboard#of} in this JVM,
 *       and GET /api/service/dashboard over HTTP; p50 and p99.</li>
 * </ol>
 */
class ServiceBenchmark {

    static final int CRAFTSMEN = 10_000;
    static final int NEEDS = 5_000;

    @Test
    void matchTenThousandAndDashboardFiveThousand() throws Exception {
        List<Candidate> candidates = candidates(new Random(17));
        NeedProfile need = new NeedProfile(1, "高端装备", "奎文区", "厚板焊接变形攻关，需要焊接和数控专家现场指导");
        long[] pure = time(200, 1000, () -> Matching.rank(need, candidates, 10));
        print("matching, pure, 10,000 candidates", pure);

        try (TestDatabase database = TestDatabase.create()) {
            JiangxinNode node = Nodes.single(database.url());
            try {
                Http anonymous = new Http(node.httpPort());
                ServicePlatformSetup city = new ServicePlatformSetup(anonymous.signIn(Nodes.ORGANIZER_CODE), anonymous,
                        "基准", "bench");
                long factory = database.queryLong("select organization_id from person where id = " + city.welder);
                long started = System.nanoTime();
                database.queryLong("with p as (insert into person (name, employee_no, organization_id, trade)"
                        + " select '工匠' || g, 'B' || g, " + factory + ", '焊工' from generate_series(1, " + CRAFTSMEN
                        + ") g returning id), x as (insert into service_expert (person_id, platform_id, chain_ids,"
                        + " trades, specialties, honours, region, capacity) select id, " + city.platformId
                        + ", array[case when id % 3 = 0 then " + city.chainEquipment + " else " + city.chainTextile
                        + " end]::bigint[], '{焊工}', array[(array['焊接','数控','装配','织造','电气'])[1 + id % 5]],"
                        + " case when id % 50 = 0 then '{全国劳模}'::text[] else '{}'::text[] end,"
                        + " (array['奎文区','潍城区','寒亭区','寿光市'])[1 + id % 4], 3 from p returning 1)"
                        + " select count(*) from x");
                // a year of needs, 4 in 5 dispatched, most of those served and confirmed
                database.queryLong("with n as (insert into service_need (platform_id, organization_id, title,"
                        + " description, chain_id, kind, mode, urgency, place, source, state, created_by, submitted_on)"
                        + " select " + city.platformId + ", case when g % 2 = 0 then " + city.enterpriseA + " else "
                        + city.enterpriseB + " end, '需求' || g, '描述', case when g % 2 = 0 then " + city.chainEquipment
                        + " else " + city.chainTextile + " end, 'TECHNICAL_SUPPORT', 'PAIRING', 'NORMAL', '某地', 'ONLINE',"
                        + " case when g % 5 = 0 then 'SUBMITTED' else 'COMPLETED' end,"
                        + " (select id from account where kind = 'UNION_STAFF' limit 1),"
                        + " date '2026-01-01' + (g % 330) from generate_series(1, " + NEEDS + ") g returning id, state,"
                        + " submitted_on), o as (insert into service_order (need_id, platform_id, person_id, state,"
                        + " dispatched_on, due_on, served_on, hours, mode, workers_trained, problems_solved, satisfaction,"
                        + " confirmed_on) select n.id, " + city.platformId + ", (select min(person_id) from service_expert)"
                        + " + n.id % " + CRAFTSMEN + ", case when n.id % 10 = 1 then 'ACCEPTED' else 'CONFIRMED' end,"
                        + " n.submitted_on, n.submitted_on + 30, n.submitted_on + 5, 4.5, 'PAIRING', 10, 2, 1 + n.id % 5,"
                        + " n.submitted_on + 7 from n where n.state = 'COMPLETED' returning id, need_id)"
                        + " , u as (update service_need set current_order = o.id from o where service_need.id = o.need_id"
                        + " returning 1) select count(*) from u");
                System.out.printf("set-up: %,d craftsmen, %,d needs in %.1f s%n", CRAFTSMEN, NEEDS,
                        (System.nanoTime() - started) / 1e9);

                long needId = city.weldingNeed(city.contactA).getLong("id");
                city.staff.post("/api/service/needs/" + needId + "/review", new JsonObject().put("decision", "ACCEPT"));
                String path = "/api/service/needs/" + needId + "/suggestions";
                Reply first = city.staff.get(path);
                assertThat(first.status()).as(first.body()).isEqualTo(200);
                assertThat(first.json().getInteger("considered")).isEqualTo(CRAFTSMEN + 4);
                long[] http = time(20, 200, () -> {
                    Reply r = city.staff.get(path);
                    if (r.status() != 200) {
                        throw new IllegalStateException(r.body());
                    }
                });
                print("matching, HTTP, 10,004 listed craftsmen", http);

                Reply dashboard = city.staff.get("/api/service/dashboard?year=2026");
                assertThat(dashboard.status()).as(dashboard.body()).isEqualTo(200);
                assertThat(dashboard.json().getJsonObject("totals").getInteger("needs")).isGreaterThanOrEqualTo(NEEDS);
                long[] board = time(5, 50, () -> {
                    Reply r = city.staff.get("/api/service/dashboard?year=2026");
                    if (r.status() != 200) {
                        throw new IllegalStateException(r.body());
                    }
                });
                print("dashboard, HTTP, 5,000 needs", board);
            } finally {
                node.close();
            }
        }
        List<NeedFact> needs = new ArrayList<>();
        List<OrderFact> orders = new ArrayList<>();
        for (int i = 1; i <= NEEDS; i++) {
            LocalDate on = LocalDate.of(2026, 1, 1).plusDays(i % 330);
            needs.add(new NeedFact(i, i % 5 == 0 ? NeedState.SUBMITTED : NeedState.COMPLETED, i % 2 == 0 ? "高端装备"
                    : "纺织服装", "分队" + i % 4, on));
            if (i % 5 != 0) {
                orders.add(new OrderFact(i, i, "需求" + i, "企业", "工匠", i % 10 == 1 ? OrderState.ACCEPTED
                        : OrderState.CONFIRMED, on.plusDays(30), on.plusDays(5), on.plusDays(7),
                        new java.math.BigDecimal("4.5"), 2, 10, null, 1 + i % 5));
            }
        }
        LocalDate today = LocalDate.of(2026, 12, 3);
        print("dashboard, pure, 5,000 needs", time(50, 500, () -> Dashboard.of(2026, needs, orders, today)));
    }

    static List<Candidate> candidates(Random random) {
        List<String> words = List.of("焊接", "数控", "装配", "织造", "电气");
        List<String> regions = List.of("奎文区", "潍城区", "寒亭区", "寿光市");
        List<Candidate> list = new ArrayList<>();
        for (int i = 0; i < CRAFTSMEN; i++) {
            Set<Long> chains = new HashSet<>(List.of((long) (1 + random.nextInt(12)), (long) (1 + random.nextInt(12))));
            int ratings = random.nextInt(8);
            list.add(new Candidate(i + 1, "工匠" + i, chains, Set.of("焊工"), new HashSet<>(List.of(words.get(random.nextInt(5)),
                    words.get(random.nextInt(5)))), regions.get(random.nextInt(4)), i % 50 == 0 ? List.of("全国劳模")
                    : List.of(), null, random.nextInt(10) > 0, random.nextInt(4), 3, ratings * (2 + random.nextInt(4)),
                    ratings));
        }
        return list;
    }

    static long[] time(int warmUp, int runs, Runnable action) {
        for (int i = 0; i < warmUp; i++) {
            action.run();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            action.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    static void print(String what, long[] sorted) {
        System.out.printf("%-42s runs %4d  p50 %8.2f ms  p99 %8.2f ms  max %8.2f ms%n", what, sorted.length,
                sorted[sorted.length / 2] / 1e6, sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }
}
