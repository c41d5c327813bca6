/**
 * Jiangxin scoring engine: pure, exact, order-independent scoring for skills and innovation contests.
 *
 * <p>Entry points the server uses:
 * <ul>
 *   <li>{@link io.jiangxin.engine.io.SchemeFiles} – read and write marking schemes (JSON or YAML);</li>
 *   <li>{@link io.jiangxin.engine.scheme.SchemeValidator#validate} – every error of a scheme, with its path;</li>
 *   <li>{@link io.jiangxin.engine.scheme.MarkingScheme#aspect} and
 *       {@link io.jiangxin.engine.scheme.Aspect#checkMark} – accept or reject one judge's mark;</li>
 *   <li>{@link io.jiangxin.engine.sheet.SheetEvaluator#evaluate} – one entry's raw marks to a
 *       {@link io.jiangxin.engine.sheet.SheetResult};</li>
 *   <li>{@link io.jiangxin.engine.leaderboard.IncrementalLeaderboard} – a live event ranking;</li>
 *   <li>{@link io.jiangxin.engine.ranking.Ranking#rank} – a full ranking, then
 *       {@link io.jiangxin.engine.awards.Awards} and {@link io.jiangxin.engine.awards.Advancement};</li>
 *   <li>{@link io.jiangxin.engine.io.Evaluation#evaluate} – the offline recompute behind {@code evaluate}.</li>
 * </ul>
 * Nothing in this module imports Vert.x, Hazelcast or SQL; only {@code io.jiangxin.engine.io} uses Jackson.
 */
package io.jiangxin.engine;
