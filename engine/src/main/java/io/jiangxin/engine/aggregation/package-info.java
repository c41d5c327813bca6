/** Panel aggregation: a judgement aspect's counted marks → one exact value (mean, median, sum, trimmed mean, FIG tolerance, IJRU closest pair). */
package io.jiangxin.engine.aggregation;
