package io.jiangxin.results;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An event's publication state at an instant, derived from its publication history and its appeals:
 * <ul>
 *   <li>no publication standing: {@code UNPUBLISHED}, and {@code underReview} (复核中) when the last one was
 *       withdrawn by an upheld appeal and nothing has been published since;</li>
 *   <li>a standing publication until appeals close (the later of its notice end and the event's own appeal window
 *       after sign-off): {@code NOTICE};</li>
 *   <li>after that: {@code FINAL}, unless an appeal is still pending: then it stays {@code NOTICE} (awaiting the
 *       ruling) and becomes final when the appeal is rejected, or is withdrawn when it is upheld.</li>
 * </ul>
 * {@code finalAt} is when it became final: when appeals closed, or the last ruling if that came later.
 */
public record PublicationStatus(long eventId, PublicationState state, Publication current, Instant appealsCloseAt,
                                boolean underReview, int pendingAppeals, Instant finalAt, List<Publication> history) {

    public PublicationStatus {
        history = List.copyOf(history);
    }

    /**
     * @param history             the event's publications, oldest first
     * @param appealWindowMinutes the event's appeal window after sign-off
     * @param pendingAppeals      appeals filed and not yet ruled on
     * @param lastRulingAt        when the event's latest appeal ruling was made, or null
     */
    public static PublicationStatus of(long eventId, List<Publication> history, int appealWindowMinutes,
                                       int pendingAppeals, Instant lastRulingAt, Instant now) {
        Publication latest = history.isEmpty() ? null : history.get(history.size() - 1);
        if (latest == null || latest.withdrawn()) {
            return new PublicationStatus(eventId, PublicationState.UNPUBLISHED, null, null, latest != null,
                    pendingAppeals, null, history);
        }
        Instant closes = later(latest.noticeEndsAt(), windowEnd(latest.signedOffAt(), appealWindowMinutes));
        if (now.isBefore(closes) || pendingAppeals > 0) {
            return new PublicationStatus(eventId, PublicationState.NOTICE, latest, closes, false, pendingAppeals,
                    null, history);
        }
        Instant finalAt = lastRulingAt == null ? closes : later(closes, lastRulingAt);
        return new PublicationStatus(eventId, PublicationState.FINAL, latest, closes, false, 0, finalAt, history);
    }

    public boolean published() {
        return state != PublicationState.UNPUBLISHED;
    }

    /** Appeals have closed but one is still to be ruled on, so the results are not final yet. */
    public boolean awaitingRuling(Instant now) {
        return state == PublicationState.NOTICE && !now.isBefore(appealsCloseAt);
    }

    /**
     * When appeals close for an event signed off at {@code signedOffAt}: with a standing publication, the later of
     * its notice end and the window after sign-off; without one, the window after sign-off.
     */
    public Instant appealsCloseAt(Instant signedOffAt, int appealWindowMinutes) {
        Instant window = windowEnd(signedOffAt, appealWindowMinutes);
        return current == null ? window : later(window, current.noticeEndsAt());
    }

    private static Instant windowEnd(Instant signedOffAt, int appealWindowMinutes) {
        return signedOffAt.plus(Duration.ofMinutes(appealWindowMinutes));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
