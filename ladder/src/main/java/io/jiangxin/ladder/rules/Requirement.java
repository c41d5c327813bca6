package io.jiangxin.ladder.rules;

/**
 * One condition of a promotion rule, configured as data. Each kind checks itself against a candidate's
 * dossier and explains the outcome in zh/en, naming the evidence it used.
 */
public sealed interface Requirement permits MinimumPoints, TierHeld, QualifyingResults, ApprenticesCertified,
        AgeLimit, TradeLimit {

    RequirementType type();

    RequirementCheck check(CandidateDossier dossier, EvaluationContext context);
}
