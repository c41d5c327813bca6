package io.jiangxin.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The union's monitoring figures for one year (按月报进展): needs by state, chain, team and month; confirmed services
 * with their hours, problems solved, workers trained, money saved and satisfaction; and the orders overdue today.
 * Only confirmed services count as done; satisfaction is the mean rating to two decimals, half up.
 */
public record Dashboard(int year, Map<NeedState, Integer> needsByState, Map<String, Integer> needsByChain,
                        Map<String, Integer> needsByTeam, List<Month> months, Totals totals, List<Overdue> overdue) {

    /** One month: needs submitted, services confirmed and their figures. */
    public record Month(int month, int needs, int services, BigDecimal hours, int problemsSolved, int workersTrained) {
    }

    public record Totals(int needs, int services, BigDecimal hours, int problemsSolved, int workersTrained,
                         BigDecimal moneySaved, int ratings, BigDecimal satisfaction) {
    }

    public record Overdue(long orderId, long needId, String title, String enterprise, String craftsman,
                          OrderState state, LocalDate dueOn, long daysOverdue) {
    }

    public static final String NOT_DISPATCHED = "未派单 / not dispatched";

    public static Dashboard of(int year, List<NeedFact> needs, List<OrderFact> orders, LocalDate today) {
        Map<NeedState, Integer> byState = new EnumMap<>(NeedState.class);
        for (NeedState s : NeedState.values()) {
            byState.put(s, 0);
        }
        Map<String, Integer> byChain = new TreeMap<>();
        Map<String, Integer> byTeam = new TreeMap<>();
        int[] monthNeeds = new int[13];
        int[] monthServices = new int[13];
        BigDecimal[] monthHours = new BigDecimal[13];
        int[] monthProblems = new int[13];
        int[] monthWorkers = new int[13];
        java.util.Arrays.fill(monthHours, BigDecimal.ZERO.setScale(ServiceReport.HOURS_SCALE));
        int needCount = 0;
        for (NeedFact n : needs) {
            if (n.submittedOn().getYear() != year) {
                continue;
            }
            needCount++;
            byState.merge(n.state(), 1, Integer::sum);
            byChain.merge(n.chain(), 1, Integer::sum);
            byTeam.merge(n.team() == null ? NOT_DISPATCHED : n.team(), 1, Integer::sum);
            monthNeeds[n.submittedOn().getMonthValue()]++;
        }
        int services = 0;
        int problems = 0;
        int workers = 0;
        int ratings = 0;
        int ratingSum = 0;
        BigDecimal hours = BigDecimal.ZERO.setScale(ServiceReport.HOURS_SCALE);
        BigDecimal money = BigDecimal.ZERO.setScale(ServiceReport.MONEY_SCALE);
        List<Overdue> overdue = new ArrayList<>();
        for (OrderFact o : orders) {
            if (o.state() == OrderState.CONFIRMED && o.confirmedOn() != null && o.confirmedOn().getYear() == year) {
                int m = o.confirmedOn().getMonthValue();
                services++;
                monthServices[m]++;
                BigDecimal h = o.hours() == null ? BigDecimal.ZERO : o.hours();
                hours = hours.add(h);
                monthHours[m] = monthHours[m].add(h);
                problems += o.problemsSolved();
                monthProblems[m] += o.problemsSolved();
                workers += o.workersTrained();
                monthWorkers[m] += o.workersTrained();
                if (o.moneySaved() != null) {
                    money = money.add(o.moneySaved());
                }
                if (o.satisfaction() != null) {
                    ratings++;
                    ratingSum += o.satisfaction();
                }
            }
            if (o.state().awaitingService() && o.dueOn() != null && o.dueOn().isBefore(today)) {
                overdue.add(new Overdue(o.id(), o.needId(), o.title(), o.enterprise(), o.craftsman(), o.state(),
                        o.dueOn(), ChronoUnit.DAYS.between(o.dueOn(), today)));
            }
        }
        overdue.sort(Comparator.comparing(Overdue::dueOn).thenComparingLong(Overdue::orderId));
        List<Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(new Month(m, monthNeeds[m], monthServices[m], monthHours[m].setScale(ServiceReport.HOURS_SCALE),
                    monthProblems[m], monthWorkers[m]));
        }
        BigDecimal satisfaction = ratings == 0 ? null : BigDecimal.valueOf(ratingSum)
                .divide(BigDecimal.valueOf(ratings), 2, RoundingMode.HALF_UP);
        return new Dashboard(year, byState, byChain, byTeam, months,
                new Totals(needCount, services, hours.setScale(ServiceReport.HOURS_SCALE), problems, workers,
                        money.setScale(ServiceReport.MONEY_SCALE), ratings, satisfaction), overdue);
    }
}
