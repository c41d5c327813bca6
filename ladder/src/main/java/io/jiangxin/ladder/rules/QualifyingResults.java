package io.jiangxin.ladder.rules;

import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.posting.ContestResult;

import java.util.List;

/**
 * At least {@code minCount} current results (latest revision) in any of {@code bands}, held within
 * {@code windowYears} before the as-of date when set.
 */
public record QualifyingResults(int minCount, Integer windowYears, List<ResultBand> bands) implements Requirement {

    public QualifyingResults {
        bands = List.copyOf(bands);
        if (minCount < 1 || bands.isEmpty()) {
            throw new IllegalArgumentException("qualifying results need minCount ≥ 1 and at least one band");
        }
    }

    @Override
    public RequirementType type() {
        return RequirementType.QUALIFYING_RESULTS;
    }

    @Override
    public RequirementCheck check(CandidateDossier dossier, EvaluationContext context) {
        List<ContestResult> qualifying = dossier.currentResults().stream()
                .filter(r -> !r.heldOn().isAfter(context.asOf()))
                .filter(r -> windowYears == null || !r.heldOn().isBefore(context.asOf().minusYears(windowYears)))
                .filter(r -> bands.stream().anyMatch(b -> b.matches(r))).toList();
        BilingualText wanted = BilingualText.join(bands.stream().map(ResultBand::describe).toList());
        String window = windowYears == null ? "" : "近 " + windowYears + " 年";
        String windowEn = windowYears == null ? "" : " in the last " + windowYears + " years";
        if (qualifying.size() < minCount) {
            return RequirementCheck.failed(type(), BilingualText.of(
                    window + "符合条件的成绩 " + qualifying.size() + " 项 < " + minCount + "（" + wanted.zh() + "）",
                    qualifying.size() + " qualifying results" + windowEn + " < " + minCount + " (" + wanted.en() + ")"));
        }
        List<String> evidence = qualifying.stream().map(r -> "result:" + r.resultKey()).toList();
        String described = String.join("，", qualifying.stream().map(QualifyingResults::describe).toList());
        String describedEn = String.join(", ", qualifying.stream().map(QualifyingResults::describeEn).toList());
        return RequirementCheck.passed(type(), BilingualText.of(
                "符合条件的成绩：" + described, "qualifying results: " + describedEn),
                evidence, qualifying.get(minCount - 1).heldOn());
    }

    static String describe(ContestResult r) {
        return io.jiangxin.ladder.ContestClass.describe(r.level(), r.contestClass()).zh() + " " + r.eventName()
                + " 第 " + r.rank() + " 名（" + r.heldOn() + "）";
    }

    static String describeEn(ContestResult r) {
        return io.jiangxin.ladder.ContestClass.describe(r.level(), r.contestClass()).en() + " " + r.eventName()
                + " rank " + r.rank() + " (" + r.heldOn() + ")";
    }
}
