/**
 * Turning evidence into ledger entries: point tables (contest level/class/rank band, hours, mentoring,
 * fixed prices) and idempotent posters; appeal rulings become counter-entries plus new entries.
 */
package io.jiangxin.ladder.posting;
