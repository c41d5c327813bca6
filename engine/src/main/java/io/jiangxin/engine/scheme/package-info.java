/**
 * Marking schemes (评分标准) as immutable data: parts → modules → aspects, plus every rule an organizer
 * configures for an event (panel aggregation, disagreement limits, violations, time, pass marks,
 * tie-breaks, awards, advancement, normalisation, judge consistency, round weights), and the
 * {@link io.jiangxin.engine.scheme.SchemeValidator} that reports every mistake with its path.
 */
package io.jiangxin.engine.scheme;
