/**
 * Versioned promotion rules as data: requirements (points, tenure, qualifying results, apprentices, age,
 * trade), direct-qualification shortcuts, and the {@link io.jiangxin.ladder.rules.RuleEvaluator} that checks
 * one candidate and explains every check.
 */
package io.jiangxin.ladder.rules;
