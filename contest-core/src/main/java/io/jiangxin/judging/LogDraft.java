package io.jiangxin.judging;

import java.math.BigDecimal;
import java.time.Duration;

/** A record to append, before the log gives it a sequence number, a time and a hash. */
public record LogDraft(RecordKind kind, Long registrationId, String aspectId, Long judgeId, BigDecimal oldValue,
                       BigDecimal newValue, String detail, String reason, String payload) {

    public static LogDraft of(RecordKind kind, Long registrationId, String reason) {
        return new LogDraft(kind, registrationId, null, null, null, null, null, reason, null);
    }

    /** Times travel in the payload as ISO-8601 durations: {@code completion=PT1H2M;extra=PT5M}. */
    public static String timePayload(Duration completion, Duration extra) {
        return "completion=" + (completion == null ? "" : completion) + ";extra=" + (extra == null ? Duration.ZERO : extra);
    }
}
