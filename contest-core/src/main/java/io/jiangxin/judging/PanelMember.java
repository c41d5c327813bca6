package io.jiangxin.judging;

import io.jiangxin.auth.PanelRole;

/** A judge on an event's panel. */
public record PanelMember(long accountId, String displayName, PanelRole role, Long organizationId) {
}
