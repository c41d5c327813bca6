package io.jiangxin.engine.sheet;

import io.jiangxin.engine.numeric.Decimals;
import io.jiangxin.engine.numeric.Rounding;
import io.jiangxin.engine.scheme.Aspect;
import io.jiangxin.engine.scheme.MarkRejection;
import io.jiangxin.engine.scheme.MarkingScheme;
import io.jiangxin.engine.scheme.Part;
import io.jiangxin.engine.scheme.SchemeError;
import io.jiangxin.engine.scheme.SchemeModule;
import io.jiangxin.engine.scheme.SchemeValidator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates one entry's sheet against a scheme. Stateless after construction and safe to share between
 * threads; the result depends only on the contents of the input, never on the order of its lists.
 *
 * <p>Rounding happens at three published points, each from an exact quotient: aspect values, part scores
 * ({@code raw × 100 / maximum}) and the total ({@code Σ score × weight / 100}, then time deduction, floor 0).
 */
public final class SheetEvaluator {

    private final MarkingScheme scheme;
    private final AspectEvaluator aspects;

    /** @throws IllegalArgumentException if the scheme is invalid */
    public SheetEvaluator(MarkingScheme scheme) {
        List<SchemeError> errors = SchemeValidator.validate(scheme);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid scheme " + scheme.id() + ": " + errors);
        }
        this.scheme = scheme;
        this.aspects = new AspectEvaluator(scheme);
    }

    public MarkingScheme scheme() {
        return scheme;
    }

    /**
     * @throws InvalidSheetException listing every problem of the input (unknown aspect or violation code,
     *                               mark out of range or off step, conflicting marks, bad override ...)
     */
    public SheetResult evaluate(SheetInput input) {
        List<String> problems = new ArrayList<>();
        CountedMarks counted = CountedMarks.select(scheme, input, problems);
        Penalties penalties = Penalties.of(scheme, input, problems);
        Map<String, HeadJudgeOverride> overrides = overrides(input, problems);
        if (!problems.isEmpty()) {
            throw new InvalidSheetException(input.entryId(), problems);
        }
        Rounding rounding = scheme.rounding();
        List<AspectResult> aspectResults = new ArrayList<>();
        List<ModuleResult> moduleResults = new ArrayList<>();
        List<PartResult> partResults = new ArrayList<>();
        List<LockBlocker> blockers = new ArrayList<>();
        BigDecimal weightedSum = BigDecimal.ZERO;
        boolean allPartsPass = true;
        for (Part part : scheme.parts()) {
            BigDecimal partRaw = BigDecimal.ZERO;
            for (SchemeModule module : part.modules()) {
                BigDecimal moduleTotal = BigDecimal.ZERO;
                for (Aspect aspect : module.aspects()) {
                    AspectResult result = aspects.evaluate(aspect, counted.of(aspect.id()), counted.roundOf(aspect.id()),
                            penalties.deductedFromAspect.getOrDefault(aspect.id(), BigDecimal.ZERO),
                            overrides.get(aspect.id()));
                    aspectResults.add(result);
                    blockers.addAll(LockBlockers.of(result));
                    if (result.isComplete()) {
                        moduleTotal = moduleTotal.add(result.value());
                    }
                }
                boolean zeroed = penalties.zeroedModules.contains(module.id());
                BigDecimal total = zeroed ? rounding.apply(BigDecimal.ZERO) : moduleTotal;
                moduleResults.add(new ModuleResult(module.id(), total, module.maximum(), zeroed));
                partRaw = partRaw.add(total);
            }
            BigDecimal score = rounding.divide(partRaw.multiply(Decimals.HUNDRED), part.maximum());
            Boolean passed = part.passMark() == null ? null : score.compareTo(part.passMark()) >= 0;
            allPartsPass &= passed == null || passed;
            partResults.add(new PartResult(part.id(), partRaw, part.maximum(), score, part.weight(), passed));
            weightedSum = weightedSum.add(score.multiply(part.weight()));
        }
        BigDecimal total = rounding.divide(weightedSum, Decimals.HUNDRED);
        total = rounding.apply(Decimals.max(BigDecimal.ZERO, total.subtract(penalties.totalDeduction)));
        EntryStatus status = EntryStatus.OK;
        if (penalties.zeroTotal) {
            total = rounding.apply(BigDecimal.ZERO);
            status = EntryStatus.ZEROED;
        }
        if (penalties.disqualified) {
            status = EntryStatus.DISQUALIFIED;
        }
        if (scheme.time() != null && input.completionTime() == null) {
            blockers.add(new LockBlocker(null, "COMPLETION_TIME_MISSING", "未记录完成用时", "the completion time is not recorded"));
        }
        boolean complete = aspectResults.stream().allMatch(AspectResult::isComplete);
        Boolean passed = null;
        if (scheme.hasPassMarks()) {
            // A zeroed or disqualified entry has no result to pass with, whatever its part scores.
            passed = status == EntryStatus.OK && allPartsPass
                    && (scheme.passMark() == null || total.compareTo(scheme.passMark()) >= 0);
        }
        return new SheetResult(input.entryId(), input.teamId(), status, aspectResults, moduleResults, partResults,
                total, total, complete, blockers, penalties.applied, penalties.time, passed);
    }

    private Map<String, HeadJudgeOverride> overrides(SheetInput input, List<String> problems) {
        Map<String, HeadJudgeOverride> byAspect = new HashMap<>();
        for (HeadJudgeOverride override : input.overrides()) {
            Optional<Aspect> aspect = scheme.aspect(override.aspectId());
            if (aspect.isEmpty()) {
                problems.add("改判的评分项 " + override.aspectId() + " 不存在 / override of unknown aspect " + override.aspectId());
                continue;
            }
            if (override.reason() == null || override.reason().isBlank()) {
                problems.add(override.aspectId() + ": 裁判长改判必须记录理由 / a head-judge override needs a reason");
            }
            Optional<MarkRejection> rejection = aspect.get().checkValue(override.value());
            rejection.ifPresent(r -> problems.add(override.aspectId() + ": " + r.message()));
            HeadJudgeOverride previous = byAspect.putIfAbsent(override.aspectId(), override);
            if (previous != null && !previous.equals(override)) {
                problems.add(override.aspectId() + ": 同一评分项有两个不同的改判 / two different overrides for one aspect");
            }
        }
        return byAspect;
    }
}
