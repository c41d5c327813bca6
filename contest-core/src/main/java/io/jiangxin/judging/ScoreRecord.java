package io.jiangxin.judging;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * The part of one score-log record that the fold needs. Who, when, from where and the hash chain stay in
 * the stored log; they never change a result.
 *
 * @param seq     the record's place in its event's log, from 1 without gaps
 * @param entryId the registration the record is about, or null for event-wide records (sign-off, reopen)
 * @param value   the mark, override value or violation count, as the kind says
 * @param detail  a violation's code, or an appeal's outcome
 */
public record ScoreRecord(long seq, RecordKind kind, String entryId, String aspectId, String judgeId,
                          BigDecimal value, String detail, Duration completionTime, Duration extraTime,
                          String reason) implements Serializable {

    public ScoreRecord {
        Objects.requireNonNull(kind, "kind");
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1");
        }
    }

    public static ScoreRecord mark(long seq, String entryId, String aspectId, String judgeId, BigDecimal value,
                                   boolean correction) {
        return new ScoreRecord(seq, correction ? RecordKind.CORRECTION : RecordKind.MARK, entryId, aspectId, judgeId,
                value, null, null, null, null);
    }

    public static ScoreRecord of(long seq, RecordKind kind, String entryId, String aspectId, BigDecimal value,
                                 String detail, String reason) {
        return new ScoreRecord(seq, kind, entryId, aspectId, null, value, detail, null, null, reason);
    }
}
