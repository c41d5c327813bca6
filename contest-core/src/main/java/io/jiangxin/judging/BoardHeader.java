package io.jiangxin.judging;

import java.util.Map;

/** What a board's header shows: the event, its contest and organizer, and each organization's name. */
public record BoardHeader(long eventId, long contestId, String eventName, String contestName, String organizer,
                          Map<Long, String> organizations) {
}
