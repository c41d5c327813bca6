/** Judge consistency: each judge's deviation from the panel median, and a systematic-bias flag. */
package io.jiangxin.engine.consistency;
