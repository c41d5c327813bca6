package io.jiangxin.engine.ranking;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What an entry is ranked by, as components already oriented so that smaller is better: the negated
 * score first, then one component per tie-break. A {@code null} component (e.g. no completion time)
 * sorts after every value. Two entries with equal keys are tied. Immutable and serialisable.
 */
public final class RankKey implements Comparable<RankKey>, Serializable {

    private static final long serialVersionUID = 1L;

    private final List<BigDecimal> components;

    public RankKey(List<BigDecimal> components) {
        this.components = Collections.unmodifiableList(new ArrayList<>(components));
    }

    public static RankKey of(BigDecimal... components) {
        List<BigDecimal> list = new ArrayList<>();
        Collections.addAll(list, components);
        return new RankKey(list);
    }

    public List<BigDecimal> components() {
        return components;
    }

    @Override
    public int compareTo(RankKey other) {
        int n = Math.min(components.size(), other.components.size());
        for (int i = 0; i < n; i++) {
            int cmp = compareComponent(components.get(i), other.components.get(i));
            if (cmp != 0) {
                return cmp;
            }
        }
        return Integer.compare(components.size(), other.components.size());
    }

    private static int compareComponent(BigDecimal a, BigDecimal b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        return a.compareTo(b);
    }

    /** Equal when tied: {@code 88.0} and {@code 88.00} are the same key. */
    @Override
    public boolean equals(Object o) {
        return o instanceof RankKey other && compareTo(other) == 0;
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (BigDecimal c : components) {
            hash = 31 * hash + (c == null ? 0 : c.stripTrailingZeros().hashCode());
        }
        return hash;
    }

    @Override
    public String toString() {
        return "RankKey" + components;
    }
}
