package io.jiangxin.app.ladder;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** The ladder's days and times are Shanghai's, read from the node's clock. */
public final class LadderCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private LadderCalendar() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    /** Now, to the second. */
    public static LocalDateTime now(Clock clock) {
        return LocalDateTime.ofInstant(clock.instant(), ZONE).withNano(0);
    }
}
