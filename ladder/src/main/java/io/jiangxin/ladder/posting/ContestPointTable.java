package io.jiangxin.ladder.posting;

import io.jiangxin.ladder.ContestClass;
import io.jiangxin.ladder.Level;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Points by contest level, class and rank band, or by award, posted to {@code category}. Bands of the same level
 * and class may not overlap, nor two rows for the same award, so a result matches at most one row of each kind; an
 * award row wins over a rank row.
 */
public record ContestPointTable(String category, List<ContestPointRow> rows) {

    public ContestPointTable {
        Objects.requireNonNull(category, "category");
        rows = List.copyOf(rows);
        for (int i = 0; i < rows.size(); i++) {
            for (int j = i + 1; j < rows.size(); j++) {
                if (rows.get(i).overlaps(rows.get(j))) {
                    throw new IllegalArgumentException("overlapping rank bands: " + rows.get(i) + " and " + rows.get(j));
                }
            }
        }
    }

    public Optional<ContestPointRow> row(Level level, ContestClass contestClass, int rank) {
        return rows.stream().filter(r -> r.matches(level, contestClass, rank)).findFirst();
    }

    /** The row for the result's award if the table prices that award, else the row for its rank. */
    public Optional<ContestPointRow> row(Level level, ContestClass contestClass, int rank, String award) {
        Optional<ContestPointRow> byAward = award == null || award.isBlank() ? Optional.empty()
                : rows.stream().filter(r -> r.matchesAward(level, contestClass, award)).findFirst();
        return byAward.isPresent() ? byAward : row(level, contestClass, rank);
    }
}
