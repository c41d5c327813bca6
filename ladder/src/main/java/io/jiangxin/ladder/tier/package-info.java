/** Ladders with ordered, freely named tiers, and each person's validated tier history. */
package io.jiangxin.ladder.tier;
