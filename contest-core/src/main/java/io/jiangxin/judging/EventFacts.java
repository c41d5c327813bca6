package io.jiangxin.judging;

import java.time.Instant;

/**
 * The judging facts of an event. {@code schemeJson} is null until the organizer sets a scheme;
 * {@code contestKind} is the contest's kind (SKILLS, INNOVATION, TRAINING).
 */
public record EventFacts(long eventId, long contestId, String schemeJson, Instant signedOffAt,
                         int appealWindowMinutes, String contestKind) {

    /** A 培训考核 (TRAINING) event: its results are private to the worker and the organizer. */
    public boolean training() {
        return isTraining(contestKind);
    }

    /** The one rule for which contests' boards are private: training assessments (培训考核). */
    public static boolean isTraining(String contestKind) {
        return "TRAINING".equals(contestKind);
    }
}
