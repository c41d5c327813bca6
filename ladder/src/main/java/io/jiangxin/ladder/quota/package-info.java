/** Yearly quotas per title, per trade and per organization, and the pure claim/refuse rule. */
package io.jiangxin.ladder.quota;
