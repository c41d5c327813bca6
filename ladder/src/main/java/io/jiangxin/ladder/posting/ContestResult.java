package io.jiangxin.ladder.posting;

import io.jiangxin.ladder.ContestClass;
import io.jiangxin.ladder.Level;
import io.jiangxin.ladder.points.ContestEvidence;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A signed-off contest result as the ladder sees it (the engine's placement after the head judge's sign-off).
 *
 * @param heldOn      the contest day; look-back windows count from it
 * @param signedOffOn the day the result (this revision) became final; ledger entries are recorded on it
 * @param revision    0 as first signed off, +1 for each arbitration ruling that changed it
 * @param award       the award code as published (GOLD, FIRST_PRIZE, MERIT...), may be empty
 */
public record ContestResult(String personId, String eventId, String eventName, String trade, Level level,
                            ContestClass contestClass, int rank, String award, LocalDate heldOn,
                            LocalDate signedOffOn, int revision) {

    public ContestResult {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(heldOn, "heldOn");
        Objects.requireNonNull(signedOffOn, "signedOffOn");
        contestClass = contestClass == null ? ContestClass.NONE : contestClass;
        award = award == null ? "" : award;
        if (rank < 1) {
            throw new IllegalArgumentException("rank starts at 1: " + rank);
        }
        if (revision < 0) {
            throw new IllegalArgumentException("revision starts at 0: " + revision);
        }
    }

    public ContestEvidence evidence() {
        return new ContestEvidence(eventId, level, contestClass, rank, award, revision);
    }

    /** The stable identity of "this person's result in this event", shared by all revisions. */
    public String resultKey() {
        return eventId + "/" + personId;
    }
}
