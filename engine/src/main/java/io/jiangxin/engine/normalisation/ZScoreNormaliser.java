package io.jiangxin.engine.normalisation;

import io.jiangxin.engine.numeric.Decimals;
import io.jiangxin.engine.numeric.Rounding;
import io.jiangxin.engine.scheme.NormalisationConfig;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * fll-sw style normalisation: each judge's scores become z-scores against that judge's own mean and
 * population standard deviation, then {@code mean + z × spread} (e.g. 100 ± 20); an entry's score is the
 * mean over the judges who scored it.
 *
 * <p>Degenerate judges: a judge who scored a single entry, or gave every entry the same score, carries no
 * information about relative quality, so all their z-scores are 0 (their entries get the target mean from
 * them) rather than dividing by zero. Sums are exact; the mean, variance and square root use 34 significant
 * digits ({@link Decimals#WORKING}); only the final score is rounded to the scheme's scale. The result does
 * not depend on input order.
 */
public final class ZScoreNormaliser {

    private ZScoreNormaliser() {
    }

    /** @throws IllegalArgumentException if a judge scored the same entry twice */
    public static NormalisationResult normalise(List<JudgeScore> scores, NormalisationConfig config, Rounding rounding) {
        Map<String, Map<String, BigDecimal>> byJudge = new TreeMap<>();
        for (JudgeScore s : scores) {
            Map<String, BigDecimal> own = byJudge.computeIfAbsent(s.judgeId(), j -> new TreeMap<>());
            if (own.put(s.entryId(), s.score()) != null) {
                throw new IllegalArgumentException("judge " + s.judgeId() + " scored entry " + s.entryId() + " twice");
            }
        }
        SortedMap<String, JudgeStatistics> statistics = new TreeMap<>();
        Map<String, List<BigDecimal>> mapped = new TreeMap<>();
        byJudge.forEach((judge, own) -> {
            BigDecimal n = BigDecimal.valueOf(own.size());
            BigDecimal mean = Decimals.sum(own.values()).divide(n, Decimals.WORKING);
            BigDecimal squares = Decimals.sum(own.values().stream().map(v -> v.subtract(mean).pow(2)).toList());
            BigDecimal deviation = squares.divide(n, Decimals.WORKING).sqrt(Decimals.WORKING);
            boolean degenerate = own.size() < 2 || deviation.signum() == 0;
            statistics.put(judge, new JudgeStatistics(judge, own.size(), rounding.apply(mean), rounding.apply(deviation), degenerate));
            own.forEach((entry, score) -> {
                BigDecimal z = degenerate ? BigDecimal.ZERO : score.subtract(mean).divide(deviation, Decimals.WORKING);
                mapped.computeIfAbsent(entry, e -> new ArrayList<>()).add(config.mean().add(z.multiply(config.spread())));
            });
        });
        SortedMap<String, BigDecimal> result = new TreeMap<>();
        mapped.forEach((entry, values) ->
                result.put(entry, rounding.divide(Decimals.sum(values), BigDecimal.valueOf(values.size()))));
        return new NormalisationResult(Collections.unmodifiableSortedMap(result), Collections.unmodifiableSortedMap(statistics));
    }
}
