/** Exact arithmetic helpers: declared rounding and exact quotients. */
package io.jiangxin.engine.numeric;
