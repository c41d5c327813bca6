package io.jiangxin.engine.ranking;

/**
 * An entry's place.
 *
 * @param rank              standard competition rank (1, 2, 2, 4)
 * @param tied              another entry shares this rank
 * @param brokenByFinalKey  a tie that stood after the whole chain was broken by entry id because it fell
 *                          within the no-ties places
 */
public record Placement(String entryId, RankKey key, int rank, boolean tied, boolean brokenByFinalKey) {
}
