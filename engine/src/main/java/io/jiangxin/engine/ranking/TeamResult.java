package io.jiangxin.engine.ranking;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * A team's place.
 *
 * @param countedMembers the members whose scores make the team total, best first
 * @param totalTime      sum of the counted members' net times, or {@code null} if any is missing
 */
public record TeamResult(String teamId, int rank, boolean tied, boolean tieBrokenByFinalKey, BigDecimal total,
                         List<String> countedMembers, Duration totalTime) {

    public TeamResult {
        countedMembers = List.copyOf(countedMembers);
    }
}
