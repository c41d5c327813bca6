/**
 * Ranking: standard competition ranking (1, 2, 2, 4) on comparable {@link io.jiangxin.engine.ranking.RankKey}s
 * built from the total and the event's tie-break chain, the no-ties rule for medal places, and team ranking.
 */
package io.jiangxin.engine.ranking;
