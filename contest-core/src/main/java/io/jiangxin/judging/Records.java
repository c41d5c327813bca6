package io.jiangxin.judging;

import java.time.Duration;

/** Reads the fold's view of a stored log entry. */
public final class Records {

    private Records() {
    }

    public static ScoreRecord of(LogEntry entry) {
        Duration completion = null;
        Duration extra = null;
        if (entry.kind() == RecordKind.TIME && entry.payload() != null) {
            for (String part : entry.payload().split(";")) {
                String[] pair = part.split("=", 2);
                if (pair.length == 2 && !pair[1].isEmpty()) {
                    if (pair[0].equals("completion")) {
                        completion = Duration.parse(pair[1]);
                    } else if (pair[0].equals("extra")) {
                        extra = Duration.parse(pair[1]);
                    }
                }
            }
        }
        return new ScoreRecord(entry.seq(), entry.kind(),
                entry.registrationId() == null ? null : entry.registrationId().toString(), entry.aspectId(),
                entry.judgeId() == null ? null : entry.judgeId().toString(), entry.newValue(), entry.detail(),
                completion, extra, entry.reason());
    }
}
