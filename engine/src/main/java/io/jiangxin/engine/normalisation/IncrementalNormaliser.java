package io.jiangxin.engine.normalisation;

import io.jiangxin.engine.numeric.Decimals;
import io.jiangxin.engine.numeric.Rounding;
import io.jiangxin.engine.scheme.NormalisationConfig;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@link ZScoreNormaliser} kept up to date one entry at a time: when an entry's judge scores change, only the judges
 * whose score on it changed are recomputed (their mean, spread and mapped scores), and only the entries those judges
 * scored get a new normalised score. The arithmetic is {@link ZScoreNormaliser}'s, step for step, so
 * {@link #result()} equals {@code ZScoreNormaliser.normalise} over the same scores exactly. Not thread-safe.
 */
public final class IncrementalNormaliser {

    private final NormalisationConfig config;
    private final Rounding rounding;
    /** judge → entry → score */
    private final Map<String, Map<String, BigDecimal>> byJudge = new HashMap<>();
    /** judge → entry → mapped score ({@code mean + z × spread}, unrounded) */
    private final Map<String, Map<String, BigDecimal>> mapped = new HashMap<>();
    /** entry → judges who scored it */
    private final Map<String, Set<String>> judgesOf = new HashMap<>();
    private final SortedMap<String, JudgeStatistics> statistics = new TreeMap<>();
    private final SortedMap<String, BigDecimal> scores = new TreeMap<>();

    public IncrementalNormaliser(NormalisationConfig config, Rounding rounding) {
        this.config = config;
        this.rounding = rounding;
    }

    /**
     * Replaces one entry's judge scores (judge → score; empty when no judge has scored it).
     *
     * @return the entries whose normalised score may have changed
     */
    public Set<String> update(String entryId, Map<String, BigDecimal> judgeScores) {
        Set<String> before = judgesOf.getOrDefault(entryId, Set.of());
        Set<String> touched = new HashSet<>();
        for (String judge : before) {
            BigDecimal now = judgeScores.get(judge);
            BigDecimal was = byJudge.get(judge).get(entryId);
            if (now == null || now.compareTo(was) != 0 || now.scale() != was.scale()) {
                touched.add(judge);
            }
        }
        for (String judge : judgeScores.keySet()) {
            if (!before.contains(judge)) {
                touched.add(judge);
            }
        }
        if (touched.isEmpty()) {
            return Set.of();
        }
        for (String judge : touched) {
            Map<String, BigDecimal> own = byJudge.computeIfAbsent(judge, j -> new HashMap<>());
            BigDecimal now = judgeScores.get(judge);
            if (now == null) {
                own.remove(entryId);
            } else {
                own.put(entryId, now);
            }
        }
        if (judgeScores.isEmpty()) {
            judgesOf.remove(entryId);
        } else {
            judgesOf.put(entryId, new HashSet<>(judgeScores.keySet()));
        }
        Set<String> affected = new HashSet<>();
        affected.add(entryId);
        for (String judge : touched) {
            affected.addAll(mapped.getOrDefault(judge, Map.of()).keySet());
            recomputeJudge(judge);
            affected.addAll(mapped.getOrDefault(judge, Map.of()).keySet());
        }
        for (String entry : affected) {
            recomputeEntry(entry);
        }
        return affected;
    }

    /** The same as {@code ZScoreNormaliser.normalise} over every score given so far. */
    public NormalisationResult result() {
        return new NormalisationResult(Collections.unmodifiableSortedMap(new TreeMap<>(scores)),
                Collections.unmodifiableSortedMap(new TreeMap<>(statistics)));
    }

    private void recomputeJudge(String judge) {
        Map<String, BigDecimal> own = byJudge.get(judge);
        if (own == null || own.isEmpty()) {
            byJudge.remove(judge);
            mapped.remove(judge);
            statistics.remove(judge);
            return;
        }
        BigDecimal n = BigDecimal.valueOf(own.size());
        BigDecimal mean = Decimals.sum(own.values()).divide(n, Decimals.WORKING);
        BigDecimal squares = Decimals.sum(own.values().stream().map(v -> v.subtract(mean).pow(2)).toList());
        BigDecimal deviation = squares.divide(n, Decimals.WORKING).sqrt(Decimals.WORKING);
        boolean degenerate = own.size() < 2 || deviation.signum() == 0;
        statistics.put(judge, new JudgeStatistics(judge, own.size(), rounding.apply(mean), rounding.apply(deviation),
                degenerate));
        Map<String, BigDecimal> values = new HashMap<>();
        own.forEach((entry, score) -> {
            BigDecimal z = degenerate ? BigDecimal.ZERO : score.subtract(mean).divide(deviation, Decimals.WORKING);
            values.put(entry, config.mean().add(z.multiply(config.spread())));
        });
        mapped.put(judge, values);
    }

    private void recomputeEntry(String entry) {
        Set<String> judges = judgesOf.get(entry);
        if (judges == null || judges.isEmpty()) {
            scores.remove(entry);
            return;
        }
        List<BigDecimal> values = new ArrayList<>();
        for (String judge : judges) {
            values.add(mapped.get(judge).get(entry));
        }
        scores.put(entry, rounding.divide(Decimals.sum(values), BigDecimal.valueOf(values.size())));
    }
}
