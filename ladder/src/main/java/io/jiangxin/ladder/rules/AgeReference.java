package io.jiangxin.ladder.rules;

import java.time.LocalDate;

/** The day an age limit is measured on: the evaluation date, or the first or last day of the planning year. */
public enum AgeReference {
    AS_OF, YEAR_START, YEAR_END;

    LocalDate day(EvaluationContext context) {
        return switch (this) {
            case AS_OF -> context.asOf();
            case YEAR_START -> LocalDate.of(context.year(), 1, 1);
            case YEAR_END -> LocalDate.of(context.year(), 12, 31);
        };
    }
}
