package io.jiangxin.app;

import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.registry.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * No silent settings: what the server does with each setting of the scheme format (docs/scoring.md). A setting
 * is either applied by the live fold exactly as {@code evaluate} applies it, or {@code PUT …/scheme} refuses a
 * scheme that uses it with a 400 naming its path. {@code SchemeSettingsIT} walks this table against a scheme
 * that uses every setting.
 */
public final class SchemeSettings {

    /** Top-level setting → where the server applies it. */
    public static final Map<String, String> APPLIED = Map.ofEntries(
            Map.entry("id", "stored; named in results and exports"),
            Map.entry("nameZh", "stored; named in results and exports"),
            Map.entry("nameEn", "stored; named in results and exports"),
            Map.entry("rounding", "every sheet, normalised score and deviation (SheetEvaluator, ScoredRound)"),
            Map.entry("defaults", "panel aggregation, quorum and disagreement of every sheet (SheetEvaluator)"),
            Map.entry("passMark", "passed on standings and results; award band `passed` (SheetEvaluator, Awards)"),
            Map.entry("parts", "the sheet: parts, modules, aspects, scales, weights (SheetEvaluator)"),
            Map.entry("violations", "POST …/violations deductions and effects (SheetEvaluator)"),
            Map.entry("time", "POST …/time overrun deductions (SheetEvaluator)"),
            Map.entry("ranking", "tie-breaks, no-ties places and team ranks of boards and results (Standings)"),
            Map.entry("advancement", "`advances` on standings, boards and results (Standings); POST …/advancement"),
            Map.entry("awards", "award bands of boards, results, certificates and ladder points (Standings)"),
            Map.entry("normalisation", "boards, standings and results rank on the normalised score (ScoredRound)"),
            Map.entry("consistency", "`biased` in GET …/judge-consistency (ScoredRound)"),
            Map.entry("rounds", "boards, standings, results, certificates and ladder points rank on the weighted sum"
                    + " of the rounds' totals; earlier rounds' totals come with each advanced entry (round_total,"
                    + " ScoredRound); GET …/marks.json exports them as priorRounds"));

    /**
     * Top-level setting → why the server cannot apply it yet; a scheme using it is refused. Empty: every setting of
     * the format is applied. A setting the format gains before the server applies it belongs here.
     */
    public static final Map<String, String> REFUSED = Map.of();

    private SchemeSettings() {
    }

    /** The settings of this scheme the server would not apply, each with its path under {@code prefix}. */
    public static List<FieldError> refused(MarkingScheme scheme, String prefix) {
        List<FieldError> refused = new ArrayList<>();
        // No setting is refused today; REFUSED names any the format gains before the server applies it.
        REFUSED.keySet().stream().sorted().forEach(setting -> {
            throw new IllegalStateException("refused setting without a check: " + setting);
        });
        return refused;
    }
}
