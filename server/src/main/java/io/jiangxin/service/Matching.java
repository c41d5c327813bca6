package io.jiangxin.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The dispatch suggestion (需求智能匹配): ranks free craftsmen for a need by points whose every part is a stated
 * reason, so staff can see why and disagree. Deterministic: the same candidates in any order give the same list.
 *
 * <p>Rules: only free candidates (available, below their capacity) are suggested. When any free candidate serves
 * the need's industry chain, only such candidates are suggested (一链一清单); otherwise every free candidate is,
 * and the answer says the chain had nobody free. Points: chain +40; each specialty named in the need's words +20
 * (at most two); a trade named +10; same region +15; each honour +5 (at most two); each order held now −5; past
 * satisfaction (average − 3) × 5, rounded down. Ties go to the lighter load, then the lower person id.
 */
public final class Matching {

    public static final int CHAIN = 40;
    public static final int SPECIALTY = 20;
    public static final int MAX_SPECIALTIES = 2;
    public static final int TRADE = 10;
    public static final int REGION = 15;
    public static final int HONOUR = 5;
    public static final int MAX_HONOURS = 2;
    public static final int PER_ORDER_HELD = -5;

    /** The ranked list, how many candidates were looked at and whether the chain had a free candidate. */
    public record Result(List<Suggestion> suggestions, int considered, int free, boolean chainHadFreeCandidate) {
    }

    private Matching() {
    }

    public static Result rank(NeedProfile need, List<Candidate> candidates, int limit) {
        List<Candidate> free = candidates.stream().filter(Candidate::free).toList();
        boolean inChain = free.stream().anyMatch(c -> c.chains().contains(need.chainId()));
        record Scored(Candidate candidate, int score, List<Reason> reasons) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Candidate c : free) {
            if (inChain && !c.chains().contains(need.chainId())) {
                continue;
            }
            List<Reason> reasons = reasons(need, c);
            scored.add(new Scored(c, reasons.stream().mapToInt(Reason::points).sum(), reasons));
        }
        scored.sort(Comparator.comparingInt((Scored s) -> -s.score()).thenComparingInt(s -> s.candidate().load())
                .thenComparingLong(s -> s.candidate().personId()));
        List<Suggestion> out = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, scored.size()); i++) {
            Scored s = scored.get(i);
            out.add(new Suggestion(i + 1, s.candidate(), s.score(), s.reasons()));
        }
        return new Result(out, candidates.size(), free.size(), inChain);
    }

    static List<Reason> reasons(NeedProfile need, Candidate c) {
        List<Reason> reasons = new ArrayList<>();
        String text = need.text() == null ? "" : need.text().toLowerCase(Locale.ROOT);
        if (c.chains().contains(need.chainId())) {
            reasons.add(new Reason("CHAIN", CHAIN, "服务本产业链「" + need.chainName() + "」",
                    "serves the need's chain " + need.chainName()));
        } else {
            reasons.add(new Reason("OUTSIDE_CHAIN", 0, "链外工匠（本链暂无空闲工匠）",
                    "outside the chain (nobody in the chain is free)"));
        }
        int specialties = 0;
        for (String s : new TreeSet<>(c.specialties())) {
            if (specialties < MAX_SPECIALTIES && !s.isBlank() && text.contains(s.toLowerCase(Locale.ROOT))) {
                reasons.add(new Reason("SPECIALTY", SPECIALTY, "专长「" + s + "」与需求相符",
                        "specialty " + s + " named in the need"));
                specialties++;
            }
        }
        for (String t : new TreeSet<>(c.trades())) {
            if (!t.isBlank() && text.contains(t.toLowerCase(Locale.ROOT))) {
                reasons.add(new Reason("TRADE", TRADE, "工种「" + t + "」与需求相符", "trade " + t + " named in the need"));
                break;
            }
        }
        if (need.region() != null && need.region().equals(c.region())) {
            reasons.add(new Reason("REGION", REGION, "同在" + c.region(), "same region, " + c.region()));
        }
        int honours = 0;
        for (String h : c.honours()) {
            if (honours++ < MAX_HONOURS) {
                reasons.add(new Reason("HONOUR", HONOUR, "荣誉：" + h, "honour: " + h));
            }
        }
        if (c.load() > 0) {
            reasons.add(new Reason("LOAD", PER_ORDER_HELD * c.load(), "在办工单 " + c.load() + " 件",
                    c.load() + " order(s) in hand"));
        }
        if (c.ratingCount() > 0) {
            int points = Math.floorDiv(c.ratingSum() * 10 - 30 * c.ratingCount(), 2 * c.ratingCount());
            java.math.BigDecimal average = java.math.BigDecimal.valueOf(c.ratingSum())
                    .divide(java.math.BigDecimal.valueOf(c.ratingCount()), 1, java.math.RoundingMode.HALF_UP);
            reasons.add(new Reason("SATISFACTION", points, "以往满意度 " + average + "（" + c.ratingCount() + " 次评价）",
                    "past satisfaction " + average + " (" + c.ratingCount() + " ratings)"));
        } else {
            reasons.add(new Reason("NO_RATINGS", 0, "尚无评价", "no ratings yet"));
        }
        return reasons;
    }
}
