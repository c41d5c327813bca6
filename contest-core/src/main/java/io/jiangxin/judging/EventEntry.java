package io.jiangxin.judging;

import java.util.List;

/**
 * An entry as judging sees it: its code and station, never a name.
 *
 * @param organizationIds every organization the entrant belongs to (the person's, or the team's and its
 *                        members'), from which recusal follows
 */
public record EventEntry(long registrationId, String entryCode, String station, String status, Long teamId,
                    List<Long> organizationIds, String entrantName, boolean locked) {
}
