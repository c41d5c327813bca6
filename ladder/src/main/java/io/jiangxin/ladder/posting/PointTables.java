package io.jiangxin.ladder.posting;

import io.jiangxin.ladder.points.Evidence;

import java.util.List;
import java.util.Optional;

/**
 * All the prices one organization uses to turn evidence into points. Any part may be absent
 * ({@code null} tables, empty fixed rows): evidence with no price posts nothing.
 */
public record PointTables(String tablesId, ContestPointTable contest, HoursPointTable hours,
                          MentoringPointTable mentoring, List<FixedPointRow> fixed) {

    public PointTables {
        fixed = fixed == null ? List.of() : List.copyOf(fixed);
    }

    public Optional<FixedPointRow> fixedRow(Evidence evidence) {
        return fixed.stream().filter(r -> r.kind() == evidence.kind() && r.qualifier().equals(evidence.qualifier()))
                .findFirst();
    }
}
