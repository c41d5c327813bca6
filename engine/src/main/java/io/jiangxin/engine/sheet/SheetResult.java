package io.jiangxin.engine.sheet;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One entry's evaluated sheet. Immutable.
 *
 * @param aspects       every aspect of the scheme, in scheme order
 * @param modules       every module, in scheme order
 * @param parts         every part, in scheme order
 * @param total         the weighted total on the 100-point scale after time deductions and zeroing; while
 *                      the sheet is incomplete it is provisional (incomplete aspects contribute nothing)
 * @param rankingScore  what ranking uses: the total, unless replaced by a normalised or multi-round
 *                      score ({@link #withRankingScore})
 * @param complete      every aspect has a value
 * @param lockBlockers  why the sheet cannot lock yet; empty when lockable
 * @param passed        against the pass marks, or {@code null} when the scheme has none
 */
public record SheetResult(String entryId, String teamId, EntryStatus status, List<AspectResult> aspects,
                          List<ModuleResult> modules, List<PartResult> parts, BigDecimal total,
                          BigDecimal rankingScore, boolean complete, List<LockBlocker> lockBlockers,
                          List<AppliedViolation> violations, TimeResult time, Boolean passed) {

    public SheetResult {
        aspects = List.copyOf(aspects);
        modules = List.copyOf(modules);
        parts = List.copyOf(parts);
        lockBlockers = List.copyOf(lockBlockers);
        violations = List.copyOf(violations);
    }

    /** True when every aspect is complete and no disagreement or other blocker is unresolved. */
    public boolean lockable() {
        return lockBlockers.isEmpty();
    }

    public boolean disqualified() {
        return status == EntryStatus.DISQUALIFIED;
    }

    public long completeAspectCount() {
        return aspects.stream().filter(AspectResult::isComplete).count();
    }

    public Optional<AspectResult> aspect(String aspectId) {
        return aspects.stream().filter(a -> a.aspectId().equals(aspectId)).findFirst();
    }

    public Optional<PartResult> part(String partId) {
        return parts.stream().filter(p -> p.partId().equals(partId)).findFirst();
    }

    public Optional<ModuleResult> module(String moduleId) {
        return modules.stream().filter(m -> m.moduleId().equals(moduleId)).findFirst();
    }

    /** A copy whose ranking uses {@code score} (a normalised or combined-rounds score) instead of the total. */
    public SheetResult withRankingScore(BigDecimal score) {
        return new SheetResult(entryId, teamId, status, aspects, modules, parts, total, score, complete,
                lockBlockers, violations, time, passed);
    }
}
