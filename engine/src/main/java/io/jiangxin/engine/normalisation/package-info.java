/** Per-judge z-score normalisation for rounds where judges score different subsets of entries. */
package io.jiangxin.engine.normalisation;
