package io.jiangxin.ladder.posting;

import io.jiangxin.ladder.ContestClass;
import io.jiangxin.ladder.Level;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Points for ranks {@code rankFrom..rankTo} (inclusive) in contests of a level and class, or, when {@code award} is
 * set, for that award (the scheme's band code, e.g. an innovation contest's FIRST for 一等奖) at any rank: innovation
 * awards go by bands of places, fractions or a pass, so a rank does not say which award an entry won.
 */
public record ContestPointRow(Level level, ContestClass contestClass, int rankFrom, int rankTo, BigDecimal points,
                              String award) {

    public ContestPointRow {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(points, "points");
        contestClass = contestClass == null ? ContestClass.NONE : contestClass;
        award = award == null || award.isBlank() ? null : award;
        if (rankFrom < 1 || rankTo < rankFrom) {
            throw new IllegalArgumentException("bad rank band " + rankFrom + ".." + rankTo);
        }
    }

    /** A row by rank band. */
    public ContestPointRow(Level level, ContestClass contestClass, int rankFrom, int rankTo, BigDecimal points) {
        this(level, contestClass, rankFrom, rankTo, points, null);
    }

    /** A row by award code, at any rank. */
    public static ContestPointRow forAward(Level level, ContestClass contestClass, String award, BigDecimal points) {
        Objects.requireNonNull(award, "award");
        return new ContestPointRow(level, contestClass, 1, Integer.MAX_VALUE, points, award);
    }

    public boolean matches(Level level, ContestClass contestClass, int rank) {
        return award == null && this.level == level && this.contestClass == contestClass && rank >= rankFrom
                && rank <= rankTo;
    }

    /** Whether this award row prices the result's award. */
    public boolean matchesAward(Level level, ContestClass contestClass, String award) {
        return this.award != null && this.award.equals(award) && this.level == level
                && this.contestClass == contestClass;
    }

    boolean overlaps(ContestPointRow other) {
        if (award != null || other.award != null) {
            return Objects.equals(award, other.award) && level == other.level && contestClass == other.contestClass;
        }
        return level == other.level && contestClass == other.contestClass
                && rankFrom <= other.rankTo && other.rankFrom <= rankTo;
    }
}
