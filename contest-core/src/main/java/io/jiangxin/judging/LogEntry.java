package io.jiangxin.judging;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One stored record of an event's score log with everything the audit shows: who, when, from which device and
 * address, old → new, and why, linked to the previous record by its hash.
 */
public record LogEntry(long eventId, long seq, Long registrationId, RecordKind kind, String aspectId, Long judgeId,
                       BigDecimal oldValue, BigDecimal newValue, String detail, String reason, String payload,
                       long actorId, String actorRole, String device, String address, Instant createdAt,
                       String prevHash, String hash) {

    /** The bytes the hash covers, in a fixed order; null fields are written as empty. */
    public String canonical() {
        return String.join("|", String.valueOf(eventId), String.valueOf(seq), text(registrationId), kind.name(),
                text(aspectId), text(judgeId), plain(oldValue), plain(newValue), text(detail), text(reason),
                text(payload), String.valueOf(actorId), text(actorRole), text(device), text(address),
                createdAt.toString());
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().replace("\\", "\\\\").replace("|", "\\|");
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
