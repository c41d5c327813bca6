package io.jiangxin.service;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One order as the dashboard counts it: its state, due date and, once recorded, its figures and rating. */
public record OrderFact(long id, long needId, String title, String enterprise, String craftsman, OrderState state,
                        LocalDate dueOn, LocalDate servedOn, LocalDate confirmedOn, BigDecimal hours,
                        int problemsSolved, int workersTrained, BigDecimal moneySaved, Integer satisfaction) {
}
