/**
 * One entry's score sheet: raw marks, violations, times and head-judge decisions in
 * ({@link io.jiangxin.engine.sheet.SheetInput}); per-aspect values, flags, part totals, total and lock
 * status out ({@link io.jiangxin.engine.sheet.SheetResult}), computed by
 * {@link io.jiangxin.engine.sheet.SheetEvaluator}.
 */
package io.jiangxin.engine.sheet;
