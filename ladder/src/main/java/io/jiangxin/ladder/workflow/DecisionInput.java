package io.jiangxin.ladder.workflow;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * Who decides, when (local time of the organization, e.g. Asia/Shanghai) and why, as typed by that person.
 */
public record DecisionInput(String by, LocalDateTime at, String why) {

    public DecisionInput {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        why = why == null ? "" : why;
    }
}
