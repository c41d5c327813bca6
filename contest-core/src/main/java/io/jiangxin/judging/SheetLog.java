package io.jiangxin.judging;

import io.jiangxin.engine.sheet.HeadJudgeOverride;
import io.jiangxin.engine.sheet.RawMark;
import io.jiangxin.engine.sheet.SheetInput;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the log says of one entry's sheet so far: each judge's current mark per aspect in the aspect's current
 * round, re-mark rounds, overrides, violations, times and the lock. Sorted maps keep every derived view
 * independent of the order judges arrived in.
 */
public final class SheetLog implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String entryId;
    private final SortedMap<String, Integer> rounds = new TreeMap<>();
    private final SortedMap<String, SortedMap<String, BigDecimal>> marks = new TreeMap<>();
    private final SortedMap<String, HeadJudgeOverrideValue> overrides = new TreeMap<>();
    private final SortedMap<String, Integer> violations = new TreeMap<>();
    private Duration completionTime;
    private Duration extraTime = Duration.ZERO;
    private boolean locked;

    /** An override kept in a serialisable form. */
    public record HeadJudgeOverrideValue(BigDecimal value, String reason) implements Serializable {
    }

    public SheetLog(String entryId) {
        this.entryId = entryId;
    }

    /** An independent copy, as a frozen board keeps the sheets it showed. */
    SheetLog copy() {
        SheetLog copy = new SheetLog(entryId);
        copy.rounds.putAll(rounds);
        marks.forEach((aspect, byJudge) -> copy.marks.put(aspect, new TreeMap<>(byJudge)));
        copy.overrides.putAll(overrides);
        copy.violations.putAll(violations);
        copy.completionTime = completionTime;
        copy.extraTime = extraTime;
        copy.locked = locked;
        return copy;
    }

    /** One sheet's state from its own records, in log order; used where the whole event is not needed. */
    public static SheetLog fold(String entryId, Iterable<ScoreRecord> records) {
        SheetLog log = new SheetLog(entryId);
        records.forEach(log::apply);
        return log;
    }

    void apply(ScoreRecord record) {
        switch (record.kind()) {
            case MARK, CORRECTION -> marks.computeIfAbsent(record.aspectId(), k -> new TreeMap<>())
                    .put(record.judgeId(), record.value());
            case REMARK_REQUESTED -> {
                rounds.merge(record.aspectId(), 1, Integer::sum);
                marks.remove(record.aspectId());
                overrides.remove(record.aspectId());
            }
            case OVERRIDE -> overrides.put(record.aspectId(), new HeadJudgeOverrideValue(record.value(),
                    record.reason()));
            case VIOLATION -> {
                if (record.value().signum() == 0) {
                    violations.remove(record.detail());
                } else {
                    violations.put(record.detail(), record.value().intValueExact());
                }
            }
            case TIME -> {
                completionTime = record.completionTime();
                extraTime = record.extraTime() == null ? Duration.ZERO : record.extraTime();
            }
            case LOCK -> locked = true;
            case UNLOCK -> locked = false;
            default -> {
                // event-wide and appeal records leave the sheet itself as it is
            }
        }
    }

    /** The engine's input for this sheet; {@code teamId} groups entries for team ranking. */
    public SheetInput toInput(String teamId) {
        SheetInput.Builder input = SheetInput.builder(entryId).team(teamId);
        marks.forEach((aspect, byJudge) -> byJudge.forEach((judge, value) ->
                input.mark(new RawMark(aspect, judge, value, roundOf(aspect)))));
        rounds.forEach(input::remark);
        overrides.forEach((aspect, override) ->
                input.override(new HeadJudgeOverride(aspect, override.value(), override.reason())));
        violations.forEach(input::violation);
        if (completionTime != null) {
            input.completionTime(completionTime);
        }
        input.extraTime(extraTime);
        return input.build();
    }

    public String entryId() {
        return entryId;
    }

    public boolean locked() {
        return locked;
    }

    public int roundOf(String aspectId) {
        return rounds.getOrDefault(aspectId, 0);
    }

    /** A judge's current mark on an aspect, if they have one in its current round. */
    public Optional<BigDecimal> markOf(String aspectId, String judgeId) {
        return Optional.ofNullable(marks.getOrDefault(aspectId, new TreeMap<>()).get(judgeId));
    }

    public SortedMap<String, BigDecimal> marksOf(String aspectId) {
        return marks.getOrDefault(aspectId, new TreeMap<>());
    }

    public Map<String, HeadJudgeOverrideValue> overrides() {
        return overrides;
    }

    /** Aspects whose re-mark was requested and that this judge has not marked again yet. */
    public boolean awaitsRemarkFrom(String judgeId) {
        return rounds.keySet().stream().anyMatch(aspect -> markOf(aspect, judgeId).isEmpty()
                && !overrides.containsKey(aspect));
    }
}
