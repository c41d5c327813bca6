package io.jiangxin.judging;

import io.jiangxin.auth.PanelRole;

/** An event whose panel an account sits on, with its role there. */
public record Seat(long eventId, long contestId, String eventName, String trade, PanelRole role) {
}
