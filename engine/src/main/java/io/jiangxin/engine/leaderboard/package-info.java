/**
 * The incremental leaderboard: an event's ranking kept up to date in O(log n) per changed sheet, giving
 * exactly the ranking a full re-sort ({@link io.jiangxin.engine.ranking.Ranking}) gives.
 */
package io.jiangxin.engine.leaderboard;
