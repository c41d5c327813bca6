package io.jiangxin.engine.leaderboard;

import io.jiangxin.engine.ranking.RankKey;

import java.io.Serializable;

/** What a leaderboard is rebuilt from: an entry and its rank key. */
public record LeaderboardEntry(String entryId, RankKey key) implements Serializable {
}
