/**
 * An event's standings from its evaluated sheets, the one code path behind both {@code evaluate} and the
 * server's live boards: {@link io.jiangxin.engine.standings.ScoredRound} replaces each sheet's ranking score by
 * the normalised and the combined-rounds score where the scheme says so; {@link io.jiangxin.engine.standings.Standings}
 * ranks the scored sheets and derives awards, advancement and team ranks.
 */
package io.jiangxin.engine.standings;
