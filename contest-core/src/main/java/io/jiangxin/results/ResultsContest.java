package io.jiangxin.results;

import io.jiangxin.judging.EventFacts;

/** A contest's header as a results page prints it. */
public record ResultsContest(long contestId, String name, String kind, String level, String contestClass, int year,
                         String organizer) {
    public boolean training() {
        return EventFacts.isTraining(kind);
    }
}
