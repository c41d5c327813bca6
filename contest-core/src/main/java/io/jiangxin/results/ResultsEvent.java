package io.jiangxin.results;

import io.jiangxin.judging.EventFacts;
import java.time.Instant;

/** An event as publication sees it: its names, its contest's kind and its sign-off. */
public record ResultsEvent(long eventId, long contestId, String name, String trade, String contestKind,
                       Instant signedOffAt) {
    public boolean training() {
        return EventFacts.isTraining(contestKind);
    }
}
