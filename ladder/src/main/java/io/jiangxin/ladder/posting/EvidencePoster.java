package io.jiangxin.ladder.posting;

import io.jiangxin.ladder.BilingualText;
import io.jiangxin.ladder.Points;
import io.jiangxin.ladder.points.Evidence;
import io.jiangxin.ladder.points.EvidenceKind;
import io.jiangxin.ladder.points.LedgerEntry;
import io.jiangxin.ladder.points.PointsLedger;
import io.jiangxin.ladder.points.TrainingHoursEvidence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Posts points for evidence other than contest results and mentoring: training hours (by the hours table),
 * and training assessments, innovation, technical service, honours and certificates (by the fixed rows).
 * Idempotent by the evidence's source key. Corrections go through {@link #reverse}.
 */
public final class EvidencePoster {

    public PostingPlan post(String personId, Evidence evidence, LocalDate effectiveOn, LocalDate recordedOn,
                            PointTables tables, PointsLedger ledger) {
        if (evidence.kind() == EvidenceKind.CONTEST_RESULT || evidence.kind() == EvidenceKind.MENTORING) {
            throw new IllegalArgumentException(evidence.kind() + " is posted by ResultPoster / MentoringPoster");
        }
        String key = evidence.sourceKey(personId);
        if (ledger.contains(key)) {
            return PostingPlan.nothing(BilingualText.of("已过账：" + key, "already posted: " + key));
        }
        String category;
        BigDecimal points;
        if (evidence instanceof TrainingHoursEvidence hours) {
            if (tables.hours() == null) {
                return unpriced(evidence);
            }
            category = tables.hours().category();
            points = tables.hours().pointsFor(hours.hours());
        } else {
            var row = tables.fixedRow(evidence);
            if (row.isEmpty()) {
                return unpriced(evidence);
            }
            category = row.get().category();
            points = Points.of(row.get().points());
        }
        if (points.signum() == 0) {
            return unpriced(evidence);
        }
        BilingualText note = BilingualText.of(evidence.describe().zh() + "，" + Points.format(points) + " 分",
                evidence.describe().en() + ", " + Points.format(points) + " points");
        LedgerEntry entry = LedgerEntry.of(key, personId, category, points, effectiveOn, recordedOn, evidence, note);
        return new PostingPlan(List.of(), List.of(entry), note);
    }

    /** The counter-entry for one standing entry (a correction of a mistaken posting). */
    public PostingPlan reverse(String sourceKey, LocalDate recordedOn, BilingualText why, PointsLedger ledger) {
        LedgerEntry entry = ledger.entry(sourceKey).orElseThrow(() ->
                new IllegalArgumentException("no ledger entry " + sourceKey));
        if (entry.isCounterEntry() || ledger.isReversed(sourceKey)) {
            return PostingPlan.nothing(BilingualText.of("已冲销或本身为冲销分录：" + sourceKey,
                    "already reversed or itself a counter-entry: " + sourceKey));
        }
        return new PostingPlan(List.of(entry.reversal(recordedOn, why)), List.of(), why);
    }

    private static PostingPlan unpriced(Evidence evidence) {
        return PostingPlan.nothing(BilingualText.of(evidence.describe().zh() + " 在积分表中无分值",
                evidence.describe().en() + " has no price in the point tables"));
    }
}
