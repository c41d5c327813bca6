package io.jiangxin.ladder.tier;

import io.jiangxin.ladder.BilingualText;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One person's tiers on one ladder, oldest first. Immutable: {@link #promote} and {@link #revoke} return a
 * new history. Invariants, checked on construction and on every change:
 * <ul>
 *   <li>holdings never overlap (at most one tier at a time), and only the last may be open;</li>
 *   <li>a promotion moves up exactly one step unless the {@link StepPolicy} says {@code MAY_SKIP};
 *       a first tier is the lowest one under the same policy;</li>
 *   <li>changes happen after the current holding started.</li>
 * </ul>
 * Entry point for the server: rebuild with {@link #of} from stored holdings, then {@link #promote} when a
 * nomination is named.
 */
public record TierHistory(Ladder ladder, String personId, List<TierHolding> holdings) {

    public TierHistory {
        Objects.requireNonNull(ladder, "ladder");
        Objects.requireNonNull(personId, "personId");
        holdings = holdings.stream().sorted(Comparator.comparing(TierHolding::start)).toList();
        for (int i = 0; i < holdings.size(); i++) {
            TierHolding holding = holdings.get(i);
            ladder.position(holding.tierCode());
            if (i + 1 < holdings.size()) {
                TierHolding next = holdings.get(i + 1);
                if (holding.end() == null || holding.end().isAfter(next.start())) {
                    throw new TierTransitionException(BilingualText.of(
                            "同一时间不能持有两个层级：" + holding.tierCode() + " 与 " + next.tierCode(),
                            "two tiers held at once: " + holding.tierCode() + " and " + next.tierCode()));
                }
            }
        }
    }

    public static TierHistory empty(Ladder ladder, String personId) {
        return new TierHistory(ladder, personId, List.of());
    }

    public static TierHistory of(Ladder ladder, String personId, List<TierHolding> holdings) {
        return new TierHistory(ladder, personId, holdings);
    }

    /** The holding in force on {@code date}, if any. */
    public Optional<TierHolding> heldOn(LocalDate date) {
        return holdings.stream().filter(h -> h.heldOn(date)).findFirst();
    }

    /** Whole years {@code tierCode} has been held continuously up to {@code date} (0 if not held then). */
    public int yearsHeld(String tierCode, LocalDate date) {
        return heldOn(date).filter(h -> h.tierCode().equals(tierCode))
                .map(h -> Period.between(h.start(), date).getYears()).orElse(0);
    }

    /** A new history with {@code tierCode} held from {@code date}; the current holding ends that day. */
    public TierHistory promote(String tierCode, LocalDate date, StepPolicy policy, String basis) {
        int target = ladder.position(tierCode);
        Optional<TierHolding> open = openHolding();
        LocalDate lastStart = holdings.isEmpty() ? null : holdings.get(holdings.size() - 1).start();
        if (lastStart != null && !date.isAfter(lastStart)) {
            throw new TierTransitionException(BilingualText.of(
                    "变更日期 " + date + " 须晚于当前层级起始日 " + lastStart,
                    "the change on " + date + " must come after the current tier's start " + lastStart));
        }
        int from = open.map(h -> ladder.position(h.tierCode())).orElse(-1);
        if (target <= from) {
            throw new TierTransitionException(BilingualText.of(
                    "晋升须向上：当前 " + ladder.tierName(open.get().tierCode()) + "，目标 " + ladder.tierName(tierCode),
                    "a promotion must move up: now " + open.get().tierCode() + ", target " + tierCode));
        }
        if (policy == StepPolicy.ONE_STEP && target != from + 1) {
            String now = open.map(h -> ladder.tierName(h.tierCode())).orElse("无");
            throw new TierTransitionException(BilingualText.of(
                    "须逐级晋升：当前 " + now + "，只能晋升至 " + ladder.tiers().get(from + 1).name(),
                    "promotions move up one step: now " + open.map(TierHolding::tierCode).orElse("none")
                            + ", next is " + ladder.tiers().get(from + 1).code()));
        }
        List<TierHolding> next = closedUpTo(date);
        next.add(new TierHolding(tierCode, date, null, basis));
        return new TierHistory(ladder, personId, next);
    }

    /** Ends the current holding on {@code date} (a title withdrawn); the person then holds no tier. */
    public TierHistory revoke(LocalDate date) {
        TierHolding open = openHolding().orElseThrow(() -> new TierTransitionException(BilingualText.of(
                "当前未持有任何层级", "no tier is currently held")));
        if (!date.isAfter(open.start())) {
            throw new TierTransitionException(BilingualText.of(
                    "撤销日期须晚于起始日 " + open.start(), "the revocation must come after the start " + open.start()));
        }
        return new TierHistory(ladder, personId, closedUpTo(date));
    }

    private Optional<TierHolding> openHolding() {
        return holdings.isEmpty() || holdings.get(holdings.size() - 1).end() != null
                ? Optional.empty() : Optional.of(holdings.get(holdings.size() - 1));
    }

    private List<TierHolding> closedUpTo(LocalDate date) {
        List<TierHolding> next = new ArrayList<>(holdings);
        if (openHolding().isPresent()) {
            next.set(next.size() - 1, next.get(next.size() - 1).endedOn(date));
        }
        return next;
    }
}
