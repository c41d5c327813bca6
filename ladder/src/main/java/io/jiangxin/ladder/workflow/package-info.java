/** The nomination review workflow as a pure state machine, with public-notice objections and recorded decisions. */
package io.jiangxin.ladder.workflow;
