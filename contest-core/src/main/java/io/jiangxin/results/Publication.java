package io.jiangxin.results;

import java.time.Duration;
import java.time.Instant;

/**
 * One publication (公示) of an event's results as recorded: who published them and when, the notice period, the
 * sign-off and score-log sequence it made public, and, once an upheld appeal withdrew it, when, by which appeal and
 * why.
 */
public record Publication(long id, long eventId, long publishedBy, String publishedByName, Instant publishedAt,
                          int noticeHours, Instant noticeEndsAt, Instant signedOffAt, long logSeq,
                          Instant withdrawnAt, Long withdrawnByAppeal, String withdrawnReason) {

    /** Notice periods are whole hours, from one hour to thirty days. */
    public static final int MIN_NOTICE_HOURS = 1;
    public static final int MAX_NOTICE_HOURS = 720;

    public static Instant noticeEnd(Instant publishedAt, int noticeHours) {
        if (noticeHours < MIN_NOTICE_HOURS || noticeHours > MAX_NOTICE_HOURS) {
            throw new IllegalArgumentException("notice hours out of range: " + noticeHours);
        }
        return publishedAt.plus(Duration.ofHours(noticeHours));
    }

    public boolean withdrawn() {
        return withdrawnAt != null;
    }
}
