package io.jiangxin.ladder.rules;

import io.jiangxin.ladder.BilingualText;

import java.util.List;

/** The candidate's trade is one of {@code trades} (a title for, say, welding and CNC trades only). */
public record TradeLimit(List<String> trades) implements Requirement {

    public TradeLimit {
        trades = List.copyOf(trades);
        if (trades.isEmpty()) {
            throw new IllegalArgumentException("a trade limit lists at least one trade");
        }
    }

    @Override
    public RequirementType type() {
        return RequirementType.TRADE_LIMIT;
    }

    @Override
    public RequirementCheck check(CandidateDossier dossier, EvaluationContext context) {
        String trade = dossier.person().trade();
        String allowed = String.join("、", trades);
        if (trade == null || !trades.contains(trade)) {
            return RequirementCheck.failed(type(), BilingualText.of(
                    "工种 " + trade + " 不在 " + allowed + " 之列", "trade " + trade + " is not one of " + String.join(", ", trades)));
        }
        return RequirementCheck.passed(type(), BilingualText.of("工种 " + trade + " 符合", "trade " + trade + " allowed"),
                List.of(), null);
    }
}
