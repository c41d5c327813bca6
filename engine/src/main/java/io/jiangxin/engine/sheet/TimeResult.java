package io.jiangxin.engine.sheet;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Times of one entry.
 *
 * @param netTime   completion − extra time granted; used for tie-breaks
 * @param overrun   how far the completion time went past the limit extended by the extra time
 * @param deduction points deducted for the overrun
 */
public record TimeResult(Duration completionTime, Duration extraTime, Duration netTime, Duration overrun,
                         BigDecimal deduction) {
}
