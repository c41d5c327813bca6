package io.jiangxin.engine.io;

import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.engine.scheme.SchemeError;
import io.jiangxin.engine.scheme.SchemeValidator;
import io.jiangxin.engine.sheet.InvalidSheetException;
import io.jiangxin.engine.sheet.SheetEvaluator;
import io.jiangxin.engine.sheet.SheetInput;
import io.jiangxin.engine.sheet.SheetResult;
import io.jiangxin.engine.standings.ScoredRound;
import io.jiangxin.engine.standings.Standings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Recomputes an event from raw marks: the logic behind
 * {@code java -jar server/target/jiangxin-server.jar evaluate --scheme FILE --marks FILE}.
 *
 * <p>Steps: read and validate the scheme; read and check the marks; evaluate every sheet; then the same
 * {@link ScoredRound} and {@link Standings} the server's live boards use: replace the ranking score by the
 * normalised score (if the scheme normalises) and then by the combined-rounds score (if it combines rounds);
 * rank; assign awards and advancement; rank teams; analyse judges.
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
        ScoredRound scored;
        try {
            scored = ScoredRound.of(scheme, sheets, marks.priorRoundTotals());
        } catch (IllegalArgumentException e) {
            throw new InputFileException(marksFile, List.of(e.getMessage()));
        }
        Standings standings = Standings.of(scheme, scored.sheets());
        return new EvaluationReport.Inputs(scheme, standings.ranking(), standings.awards(), standings.advancing(),
                scored.roundTotals(), scored.normalisation(), standings.teams(),
                scheme.consistency() == null ? null : scored.judges());
    }
}
