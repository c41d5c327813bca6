package io.jiangxin.ladder.quota;

import io.jiangxin.ladder.BilingualText;

/** The answer to "may this person take a slot?": the slot they would take, or why not. */
public record QuotaCheck(boolean allowed, QuotaSlot slot, BilingualText reason) {
}
