package io.jiangxin.engine.standings;

import io.jiangxin.engine.consistency.JudgeConsistency;
import io.jiangxin.engine.consistency.JudgeConsistencyReport;
import io.jiangxin.engine.normalisation.JudgeScores;
import io.jiangxin.engine.normalisation.NormalisationResult;
import io.jiangxin.engine.normalisation.ZScoreNormaliser;
import io.jiangxin.engine.rounds.RoundCombiner;
import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.engine.sheet.SheetResult;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every sheet of a round with the score it ranks on. The raw total stays in {@link SheetResult#total()}; the
 * ranking score becomes, in this order, the normalised score (if the scheme normalises) and then the
 * combined-rounds score (if it combines rounds). Normalisation needs every sheet of the round (a judge's mean
 * and spread are over all the entries that judge marked), so a board showing only some sheets still takes
 * their scores from here.
 */
public final class ScoredRound {

    private final List<SheetResult> sheets;
    private final Map<String, SheetResult> byId = new LinkedHashMap<>();
    private final NormalisationResult normalisation;
    private final Map<String, Map<String, BigDecimal>> roundTotals;
    private final MarkingScheme scheme;
    /** Computed on first use: the live boards rebuild a round on every mark but read the judges' figures rarely. */
    private volatile List<JudgeConsistencyReport> judges;

    private ScoredRound(MarkingScheme scheme, List<SheetResult> sheets, NormalisationResult normalisation,
                        Map<String, Map<String, BigDecimal>> roundTotals) {
        this.scheme = scheme;
        this.sheets = List.copyOf(sheets);
        this.sheets.forEach(s -> byId.put(s.entryId(), s));
        this.normalisation = normalisation;
        this.roundTotals = roundTotals == null ? null : Collections.unmodifiableMap(roundTotals);
    }

    /**
     * @param sheets           every evaluated sheet of the round
     * @param priorRoundTotals entry → other round → its total; needed only when the scheme combines rounds
     * @throws IllegalArgumentException if the scheme combines rounds and an entry lacks another round's total
     */
    public static ScoredRound of(MarkingScheme scheme, List<SheetResult> sheets,
                                 Map<String, Map<String, BigDecimal>> priorRoundTotals) {
        return of(scheme, sheets, priorRoundTotals, null);
    }

    /**
     * The same, with the normalisation already computed over exactly these sheets (by an
     * {@link io.jiangxin.engine.normalisation.IncrementalNormaliser}, which equals {@link ZScoreNormaliser}); null
     * computes it here.
     */
    public static ScoredRound of(MarkingScheme scheme, List<SheetResult> sheets,
                                 Map<String, Map<String, BigDecimal>> priorRoundTotals, NormalisationResult normalised) {
        List<SheetResult> scored = new ArrayList<>(sheets);
        NormalisationResult normalisation = null;
        if (scheme.normalisation() != null) {
            normalisation = normalised != null ? normalised : ZScoreNormaliser.normalise(
                    JudgeScores.fromSheets(scored, scheme), scheme.normalisation(), scheme.rounding());
            Map<String, BigDecimal> scores = normalisation.scores();
            BigDecimal none = scheme.rounding().apply(BigDecimal.ZERO);
            // An entry no judge has scored has no normalised score yet; it ranks with 0 until scored.
            scored.replaceAll(s -> s.withRankingScore(scores.getOrDefault(s.entryId(), none)));
        }
        Map<String, Map<String, BigDecimal>> roundTotals = null;
        if (scheme.rounds() != null) {
            roundTotals = new TreeMap<>();
            List<SheetResult> combined = new ArrayList<>();
            for (SheetResult sheet : scored) {
                Map<String, BigDecimal> totals = new TreeMap<>(priorRoundTotals.getOrDefault(sheet.entryId(), Map.of()));
                totals.put(scheme.rounds().currentRound(), sheet.rankingScore());
                roundTotals.put(sheet.entryId(), totals);
                combined.add(sheet.withRankingScore(RoundCombiner.combine(totals, scheme.rounds(), scheme.rounding())));
            }
            scored = combined;
        }
        return new ScoredRound(scheme, scored, normalisation, roundTotals);
    }

    /** The sheets in input order, each with its ranking score. */
    public List<SheetResult> sheets() {
        return sheets;
    }

    /** The scored sheet of an entry, or null when the round has no sheet for it. */
    public SheetResult sheet(String entryId) {
        return byId.get(entryId);
    }

    /** The entry's normalised score, or null when the scheme does not normalise or no judge has scored it. */
    public BigDecimal normalised(String entryId) {
        return normalisation == null ? null : normalisation.scores().get(entryId);
    }

    /** Per-judge mean and spread, or null when the scheme does not normalise. */
    public NormalisationResult normalisation() {
        return normalisation;
    }

    /** Entry → round → total, or null when the scheme does not combine rounds. */
    public Map<String, Map<String, BigDecimal>> roundTotals() {
        return roundTotals;
    }

    /**
     * Each judge's deviation from the panel median; {@code biased} only against the scheme's threshold. Deviation
     * is worth showing the head judge even when the scheme sets no threshold.
     */
    public List<JudgeConsistencyReport> judges() {
        List<JudgeConsistencyReport> computed = judges;
        if (computed == null) {
            computed = List.copyOf(JudgeConsistency.analyse(sheets, scheme, scheme.consistency()));
            judges = computed;
        }
        return computed;
    }
}
