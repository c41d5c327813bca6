package io.jiangxin.engine.scheme;

import java.io.Serializable;

/**
 * One link of an event's tie-break chain, applied after the total. When the chain is exhausted the tie
 * stands (并列), except inside no-ties medal places (see {@link RankingConfig}).
 */
public sealed interface TieBreak extends Serializable {

    /** A part's normalised score. */
    record PartScore(String partId, Order order) implements TieBreak {
    }

    /** A module's total. */
    record ModuleTotal(String moduleId, Order order) implements TieBreak {
    }

    /** Net completion time (recorded time minus granted extra time), shorter first; missing times last. */
    record CompletionTime() implements TieBreak {
    }
}
