package io.jiangxin.ladder.workflow;

import java.time.LocalDateTime;

/** A public notice period: open from {@code opensAt} (inclusive) until {@code closesAt} (exclusive). */
public record NoticeWindow(LocalDateTime opensAt, LocalDateTime closesAt) {

    public boolean openAt(LocalDateTime time) {
        return !time.isBefore(opensAt) && time.isBefore(closesAt);
    }
}
