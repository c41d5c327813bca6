/** The zh-CN / English names that values of every module show to people. */
package io.jiangxin.engine.text;
