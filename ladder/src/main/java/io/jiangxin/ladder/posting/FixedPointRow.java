package io.jiangxin.ladder.posting;

import io.jiangxin.ladder.points.EvidenceKind;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A fixed price for one kind of evidence, e.g. INNOVATION / PATENT_INVENTION → 6 points in category OTHER,
 * or HONOUR / CITY → 10 points in category HONOUR.
 */
public record FixedPointRow(EvidenceKind kind, String qualifier, String category, BigDecimal points) {

    public FixedPointRow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(points, "points");
    }
}
