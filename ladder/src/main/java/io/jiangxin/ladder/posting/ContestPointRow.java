package io.jiangxin.ladder.posting;

import io.jiangxin.ladder.ContestClass;
import io.jiangxin.ladder.Level;

import java.math.BigDecimal;
import java.util.Objects;

/** Points for ranks {@code rankFrom..rankTo} (inclusive) in contests of a level and class. */
public record ContestPointRow(Level level, ContestClass contestClass, int rankFrom, int rankTo, BigDecimal points) {

    public ContestPointRow {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(points, "points");
        contestClass = contestClass == null ? ContestClass.NONE : contestClass;
        if (rankFrom < 1 || rankTo < rankFrom) {
            throw new IllegalArgumentException("bad rank band " + rankFrom + ".." + rankTo);
        }
    }

    public boolean matches(Level level, ContestClass contestClass, int rank) {
        return this.level == level && this.contestClass == contestClass && rank >= rankFrom && rank <= rankTo;
    }

    boolean overlaps(ContestPointRow other) {
        return level == other.level && contestClass == other.contestClass
                && rankFrom <= other.rankTo && other.rankFrom <= rankTo;
    }
}
