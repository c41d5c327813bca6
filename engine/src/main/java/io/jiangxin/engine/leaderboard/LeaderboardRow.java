package io.jiangxin.engine.leaderboard;

import io.jiangxin.engine.ranking.RankKey;

/**
 * One row of a leaderboard.
 *
 * @param position 1-based position in the total order (rank key, then entry id)
 * @param rank     standard competition rank, honouring ties and the no-ties places
 */
public record LeaderboardRow(int position, int rank, String entryId, RankKey key) {
}
