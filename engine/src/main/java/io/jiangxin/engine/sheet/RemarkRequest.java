package io.jiangxin.engine.sheet;

/**
 * The head judge asks the panel to re-mark an aspect. From then on only marks of this round count for
 * that aspect: the new marks replace all the old ones, and until the quorum has re-marked the aspect is
 * incomplete. Rounds are numbered 1, 2, ... per aspect.
 */
public record RemarkRequest(String aspectId, int round) {
}
