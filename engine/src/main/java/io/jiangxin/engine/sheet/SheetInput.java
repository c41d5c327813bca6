package io.jiangxin.engine.sheet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything recorded for one entry's sheet. Collections are treated as unordered sets: their order never
 * changes the result.
 *
 * @param teamId         the entry's team, or {@code null}
 * @param completionTime recorded completion time, or {@code null} if not (yet) recorded
 * @param extraTime      time granted for equipment failure that was not the competitor's fault
 */
public record SheetInput(String entryId, String teamId, List<RawMark> marks, List<ViolationRecord> violations,
                         Duration completionTime, Duration extraTime, List<RemarkRequest> remarkRequests,
                         List<HeadJudgeOverride> overrides) {

    public SheetInput {
        Objects.requireNonNull(entryId, "entryId");
        marks = List.copyOf(marks);
        violations = List.copyOf(violations);
        extraTime = extraTime == null ? Duration.ZERO : extraTime;
        remarkRequests = List.copyOf(remarkRequests);
        overrides = List.copyOf(overrides);
    }

    public static Builder builder(String entryId) {
        return new Builder(entryId);
    }

    /** Mutable builder for a sheet input. */
    public static final class Builder {
        private final String entryId;
        private String teamId;
        private final List<RawMark> marks = new ArrayList<>();
        private final List<ViolationRecord> violations = new ArrayList<>();
        private Duration completionTime;
        private Duration extraTime = Duration.ZERO;
        private final List<RemarkRequest> remarkRequests = new ArrayList<>();
        private final List<HeadJudgeOverride> overrides = new ArrayList<>();

        private Builder(String entryId) {
            this.entryId = entryId;
        }

        public Builder team(String value) { this.teamId = value; return this; }
        public Builder mark(RawMark value) { this.marks.add(value); return this; }
        public Builder marks(List<RawMark> values) { this.marks.addAll(values); return this; }
        public Builder mark(String aspectId, String judgeId, String value) { return mark(RawMark.of(aspectId, judgeId, value)); }
        public Builder violation(String code, int count) { this.violations.add(new ViolationRecord(code, count)); return this; }
        public Builder completionTime(Duration value) { this.completionTime = value; return this; }
        public Builder extraTime(Duration value) { this.extraTime = value; return this; }
        public Builder remark(String aspectId, int round) { this.remarkRequests.add(new RemarkRequest(aspectId, round)); return this; }
        public Builder override(HeadJudgeOverride value) { this.overrides.add(value); return this; }

        public SheetInput build() {
            return new SheetInput(entryId, teamId, marks, violations, completionTime, extraTime, remarkRequests, overrides);
        }
    }
}
