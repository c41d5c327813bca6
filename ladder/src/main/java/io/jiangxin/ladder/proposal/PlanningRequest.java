package io.jiangxin.ladder.proposal;

import io.jiangxin.ladder.points.PointsScheme;
import io.jiangxin.ladder.quota.QuotaLedger;
import io.jiangxin.ladder.rules.CandidateDossier;
import io.jiangxin.ladder.rules.RuleBook;
import io.jiangxin.ladder.tier.Ladder;

import java.time.LocalDate;
import java.util.List;

/**
 * Input of {@link PromotionPlanner#propose}: which tier of which ladder, for which year, evaluated as of
 * which day; the rule book (the version in force on {@code asOf} is used); the points schemes (the rule
 * names its scheme); one dossier per person; and the slots of that title-year already taken by earlier
 * namings ({@code null} = none taken).
 */
public record PlanningRequest(Ladder ladder, String targetTier, int year, LocalDate asOf, RuleBook rules,
                              List<PointsScheme> schemes, List<CandidateDossier> dossiers, QuotaLedger alreadyTaken) {

    public PlanningRequest {
        schemes = List.copyOf(schemes);
        dossiers = List.copyOf(dossiers);
    }
}
