/**
 * The points ledger (积分台账): immutable entries with typed evidence, counter-entries for corrections, points
 * schemes (caps, highest-only, look-back windows) and the explained {@link io.jiangxin.ladder.points.PointsCalculator}.
 */
package io.jiangxin.ladder.points;
