package io.jiangxin.ladder.points;

import io.jiangxin.ladder.BilingualText;

/**
 * What a ledger entry rests on. Each kind names the record it points to, so an explanation can say which
 * contest, course, patent or mentorship earned the points. {@link #qualifier()} is the value point tables
 * match on for kinds priced by a fixed table (e.g. {@code PATENT_INVENTION}, {@code CITY}).
 */
public sealed interface Evidence permits ContestEvidence, TrainingHoursEvidence, TrainingAssessmentEvidence,
        MentoringEvidence, InnovationEvidence, TechServiceEvidence, HonourEvidence, CertificateEvidence {

    EvidenceKind kind();

    /** Identifies the evidence within its kind and person; part of the ledger entry's source key. */
    String sourceId();

    /** {@code kind/person/sourceId}: the deterministic source key of the entry this evidence earns. */
    default String sourceKey(String personId) {
        return kind().name().toLowerCase(java.util.Locale.ROOT) + "/" + personId + "/" + sourceId();
    }

    /** The table key within the kind; empty when the kind has no fixed-table pricing. */
    String qualifier();

    /** A short description for explanations, e.g. "赛项 E-2024-焊工 第 2 名 / event E-2024-焊工 rank 2". */
    BilingualText describe();
}
