package io.jiangxin.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the craftsman records for a service: when, how long, how, whom it trained, what it solved and the benefit
 * the enterprise claims. Hours have one decimal, money two; more precision than that is refused, not rounded.
 */
public record ServiceReport(LocalDate servedOn, BigDecimal hours, ServiceMode mode, int workersTrained,
                            int problemsSolved, String efficiency, BigDecimal moneySaved, String summary,
                            List<String> photos) {

    public static final int HOURS_SCALE = 1;
    public static final int MONEY_SCALE = 2;
    public static final BigDecimal MAX_HOURS = BigDecimal.valueOf(240);

    public ServiceReport {
        photos = List.copyOf(photos);
    }

    /** Every problem as {field, reason}; empty when the report is sound. {@code today} bounds the service date. */
    public List<String[]> problems(LocalDate today, LocalDate dispatchedOn) {
        return problems(servedOn, hours, moneySaved, today, dispatchedOn);
    }

    /** The same checks on the fields that could be read, so one answer names every bad field; nulls are skipped. */
    public static List<String[]> problems(LocalDate servedOn, BigDecimal hours, BigDecimal moneySaved, LocalDate today,
                                          LocalDate dispatchedOn) {
        List<String[]> problems = new ArrayList<>();
        if (servedOn != null && servedOn.isAfter(today)) {
            problems.add(new String[] {"servedOn", "不能晚于今天 / must not be in the future"});
        } else if (servedOn != null && dispatchedOn != null && servedOn.isBefore(dispatchedOn)) {
            problems.add(new String[] {"servedOn", "不能早于派单日期 / must not be before the order was dispatched"});
        }
        if (hours != null && (hours.signum() <= 0 || hours.compareTo(MAX_HOURS) > 0)) {
            problems.add(new String[] {"hours", "须大于 0 且不超过 240 / must be more than 0 and at most 240"});
        } else if (hours != null && hours.stripTrailingZeros().scale() > HOURS_SCALE) {
            problems.add(new String[] {"hours", "最多一位小数 / at most one decimal"});
        }
        if (moneySaved != null && (moneySaved.signum() < 0 || moneySaved.stripTrailingZeros().scale() > MONEY_SCALE
                || moneySaved.compareTo(new BigDecimal("1000000000000")) >= 0)) {
            problems.add(new String[] {"moneySaved", "须为非负金额，最多两位小数 / must be a non-negative amount with at"
                    + " most two decimals"});
        }
        return problems;
    }

    public BigDecimal scaledHours() {
        return hours.setScale(HOURS_SCALE, java.math.RoundingMode.UNNECESSARY);
    }

    public BigDecimal scaledMoney() {
        return moneySaved == null ? null : moneySaved.setScale(MONEY_SCALE, java.math.RoundingMode.UNNECESSARY);
    }
}
