package io.jiangxin.ladder.rules;

import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.Points;
import io.jiangxin.ladder.points.EntryVerdict;
import io.jiangxin.ladder.points.Standing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * At least {@code minimum} points under the scheme as of the evaluation date, counting only entries within
 * {@code windowYears} if set (on top of each category's own window).
 */
public record MinimumPoints(BigDecimal minimum, Integer windowYears) implements Requirement {

    public MinimumPoints {
        Objects.requireNonNull(minimum, "minimum");
    }

    @Override
    public RequirementType type() {
        return RequirementType.MIN_POINTS;
    }

    @Override
    public RequirementCheck check(CandidateDossier dossier, EvaluationContext context) {
        Standing standing = context.standing();
        if (standing == null) {
            return RequirementCheck.failed(type(), BilingualText.of("未配置积分方案", "no points scheme configured"));
        }
        String have = Points.format(standing.total());
        String need = Points.format(minimum);
        String window = windowYears == null ? "" : "（近 " + windowYears + " 年）";
        String windowEn = windowYears == null ? "" : " (last " + windowYears + " years)";
        if (standing.total().compareTo(minimum) < 0) {
            return RequirementCheck.failed(type(), BilingualText.of("积分" + window + " " + have + " < " + need,
                    "points" + windowEn + " " + have + " < " + need));
        }
        List<EntryVerdict> counted = standing.countedVerdicts();
        LocalDate metOn = counted.stream().map(v -> v.entry().effectiveOn()).max(Comparator.naturalOrder()).orElse(null);
        List<String> evidence = counted.stream().map(v -> "ledger:" + v.entry().sourceKey()).sorted().toList();
        return RequirementCheck.passed(type(), BilingualText.of("积分" + window + " " + have + " ≥ " + need,
                "points" + windowEn + " " + have + " ≥ " + need), evidence, metOn);
    }
}
