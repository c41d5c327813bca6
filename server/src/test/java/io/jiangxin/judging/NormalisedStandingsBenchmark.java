package io.jiangxin.judging;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.engine.sheet.SheetEvaluator;
import io.jiangxin.engine.sheet.SheetResult;
import io.jiangxin.engine.standings.ScoredRound;
import io.jiangxin.engine.standings.Standings;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Standings of a 10,000-entry normalised document round after one more mark: 300 judges, each entry read by 3
 * (30,000 marks) on the harsh-lenient test scheme (per-judge z-scores, awards, advancement). Measures the live fold's
 * path (one record applied: that sheet re-evaluated, then normalisation, ranking and both boards rebuilt) against a full
 * recompute (every sheet evaluated again, then the same standings). Not part of the suite; run it with
 * {@code mvn -q -o -pl server -am verify -Dtest=NormalisedStandingsBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class NormalisedStandingsBenchmark {

    static final int ENTRIES = 10_000;
    static final int JUDGES = 300;

    @Test
    void oneMoreMarkOnATenThousandEntryNormalisedRound() throws Exception {
        String scheme;
        try (InputStream in = getClass().getResourceAsStream("/schemes/harsh-lenient.json")) {
            scheme = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)).encode();
        }
        Random random = new Random(10_000);
        List<ScoreRecord> records = new ArrayList<>();
        long seq = 0;
        for (int e = 1; e <= ENTRIES; e++) {
            int first = random.nextInt(JUDGES);
            for (int k = 0; k < 3; k++) {
                int judge = (first + k * 101) % JUDGES;
                // Each judge has their own leniency, so normalisation matters.
                int mark = Math.max(0, Math.min(100, 40 + judge % 30 + random.nextInt(31)));
                records.add(ScoreRecord.mark(++seq, String.valueOf(e), "Q", "J" + judge, BigDecimal.valueOf(mark), false));
            }
        }
        EventJudging state = new EventJudging(1, scheme, Map.of());
        state.apply(records);
        assertThat(state.board(BoardView.JURY).snapshot(state.policy(), false).rows()).hasSize(ENTRIES);

        List<Long> incremental = new ArrayList<>();
        List<Long> full = new ArrayList<>();
        for (int run = 0; run < 7; run++) {
            ScoreRecord one = ScoreRecord.mark(++seq, String.valueOf(1 + random.nextInt(ENTRIES)), "Q",
                    "J" + random.nextInt(JUDGES), BigDecimal.valueOf(random.nextInt(101)), true);
            long start = System.nanoTime();
            state.apply(List.of(one));
            state.standings();
            incremental.add(System.nanoTime() - start);

            start = System.nanoTime();
            SheetEvaluator evaluator = new SheetEvaluator(state.scheme());
            List<SheetResult> sheets = new ArrayList<>();
            state.sheets().forEach((id, sheet) -> sheets.add(evaluator.evaluate(sheet.toInput(null))));
            ScoredRound scored = ScoredRound.of(state.scheme(), sheets, Map.of());
            Standings standings = Standings.of(state.scheme(), scored.sheets());
            full.add(System.nanoTime() - start);
            assertThat(standings.ranking().entries()).hasSize(ENTRIES);
            assertThat(standings.ranking().entries().get(0).entryId())
                    .isEqualTo(state.standings().ranking().entries().get(0).entryId());
        }
        // Where the time goes, on the cached sheet results.
        List<SheetResult> cached = new ArrayList<>();
        state.sheets().keySet().forEach(id -> cached.add(state.result(id)));
        long t0 = System.nanoTime();
        ScoredRound scoredOnly = ScoredRound.of(state.scheme(), cached, Map.of());
        long t1 = System.nanoTime();
        Standings.of(state.scheme(), scoredOnly.sheets());
        long t2 = System.nanoTime();
        System.out.printf("  of which: normalising %d ms, ranking + awards + advancement %d ms%n",
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        // The first two runs warm up.
        List<Long> live = new ArrayList<>(incremental.subList(2, incremental.size()));
        List<Long> again = new ArrayList<>(full.subList(2, full.size()));
        Collections.sort(live);
        Collections.sort(again);
        long liveMedian = live.get(live.size() / 2) / 1_000_000;
        long fullMedian = again.get(again.size() / 2) / 1_000_000;
        System.out.printf("normalised round, %d entries x %d judges: one more mark through the live fold (both boards"
                        + " rebuilt) median %d ms; full recompute (every sheet evaluated, standings only) median %d ms;"
                        + " full / live = %.2f%n", ENTRIES, JUDGES, liveMedian, fullMedian,
                (double) again.get(again.size() / 2) / live.get(live.size() / 2));
    }
}
