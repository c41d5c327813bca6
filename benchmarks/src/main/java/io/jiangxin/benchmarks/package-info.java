/** JMH benchmarks of the scoring engine; how to run them and the latest figures are in docs/benchmarks.md. */
package io.jiangxin.benchmarks;
