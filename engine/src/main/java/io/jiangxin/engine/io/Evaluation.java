package io.jiangxin.engine.io;

import io.jiangxin.engine.awards.Advancement;
import io.jiangxin.engine.awards.Awards;
import io.jiangxin.engine.consistency.JudgeConsistency;
import io.jiangxin.engine.consistency.JudgeConsistencyReport;
import io.jiangxin.engine.normalisation.JudgeScores;
import io.jiangxin.engine.normalisation.NormalisationResult;
import io.jiangxin.engine.normalisation.ZScoreNormaliser;
import io.jiangxin.engine.ranking.Ranking;
import io.jiangxin.engine.ranking.RankingResult;
import io.jiangxin.engine.ranking.TeamRanking;
import io.jiangxin.engine.ranking.TeamResult;
import io.jiangxin.engine.rounds.RoundCombiner;
import io.jiangxin.engine.scheme.AwardBand;
import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.engine.scheme.SchemeError;
import io.jiangxin.engine.scheme.SchemeValidator;
import io.jiangxin.engine.sheet.InvalidSheetException;
import io.jiangxin.engine.sheet.SheetEvaluator;
import io.jiangxin.engine.sheet.SheetInput;
import io.jiangxin.engine.sheet.SheetResult;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Recomputes an event from raw marks: the logic behind
 * {@code java -jar server/target/jiangxin-server.jar evaluate --scheme FILE --marks FILE}.
 *
 * <p>Steps: read and validate the scheme; read and check the marks; evaluate every sheet; replace the
 * ranking score by the normalised score (if the scheme normalises) and then by the combined-rounds score
 * (if it combines rounds); rank; assign awards and advancement; rank teams; analyse judges.
 */
public final class Evaluation {

    private Evaluation() {
    }

    /**
     * @param schemeFile a marking scheme, .json/.yaml/.yml
     * @param marksFile  raw marks, penalties and times per entry and judge, .json/.yaml/.yml
     * @return pretty-printed JSON: entries in ranking order (disqualified last), fields in a fixed order
     * @throws InputFileException naming the file and every problem's location
     */
    public static String evaluate(Path schemeFile, Path marksFile) throws InputFileException {
        MarkingScheme scheme = SchemeFiles.read(schemeFile);
        List<SchemeError> errors = SchemeValidator.validate(scheme);
        if (!errors.isEmpty()) {
            throw new InputFileException(schemeFile, errors.stream().map(SchemeError::toString).toList());
        }
        MarksFile marks = MarksFiles.read(marksFile, scheme);
        return Mappers.prettyJson(EvaluationReport.build(evaluate(scheme, marks, marksFile)));
    }

    static EvaluationReport.Inputs evaluate(MarkingScheme scheme, MarksFile marks, Path marksFile)
            throws InputFileException {
        SheetEvaluator evaluator = new SheetEvaluator(scheme);
        List<SheetResult> sheets = new ArrayList<>();
        for (SheetInput input : marks.sheets()) {
            try {
                sheets.add(evaluator.evaluate(input));
            } catch (InvalidSheetException e) {
                throw new InputFileException(marksFile, e.problems().stream()
                        .map(p -> "entries[entry=" + input.entryId() + "]: " + p).toList());
            }
        }
        NormalisationResult normalisation = null;
        if (scheme.normalisation() != null) {
            normalisation = ZScoreNormaliser.normalise(JudgeScores.fromSheets(sheets, scheme), scheme.normalisation(),
                    scheme.rounding());
            Map<String, BigDecimal> scores = normalisation.scores();
            // An entry no judge has scored has no normalised score yet; it ranks with 0 until scored.
            sheets.replaceAll(s -> s.withRankingScore(scores.getOrDefault(s.entryId(), scheme.rounding().apply(BigDecimal.ZERO))));
        }
        Map<String, Map<String, BigDecimal>> roundTotals = null;
        if (scheme.rounds() != null) {
            roundTotals = new TreeMap<>();
            List<SheetResult> combined = new ArrayList<>();
            for (SheetResult sheet : sheets) {
                Map<String, BigDecimal> totals = new TreeMap<>(marks.priorRoundTotals().getOrDefault(sheet.entryId(), Map.of()));
                totals.put(scheme.rounds().currentRound(), sheet.rankingScore());
                roundTotals.put(sheet.entryId(), totals);
                combined.add(sheet.withRankingScore(RoundCombiner.combine(totals, scheme.rounds(), scheme.rounding())));
            }
            sheets = combined;
        }
        RankingResult ranking = Ranking.rank(sheets, scheme.ranking());
        Map<String, AwardBand> awards = Awards.assign(ranking, scheme.awards());
        Set<String> advancing = scheme.advancement() == null ? null
                : new LinkedHashSet<>(Advancement.select(ranking, scheme.advancement()));
        List<TeamResult> teams = scheme.team() == null ? null : TeamRanking.rank(sheets, scheme.team());
        List<JudgeConsistencyReport> judges = scheme.consistency() == null ? null
                : JudgeConsistency.analyse(sheets, scheme, scheme.consistency());
        return new EvaluationReport.Inputs(scheme, ranking, awards, advancing, roundTotals, normalisation, teams, judges);
    }
}
