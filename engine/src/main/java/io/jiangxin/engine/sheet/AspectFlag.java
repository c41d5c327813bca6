package io.jiangxin.engine.sheet;

/** Conditions noticed on an aspect. Only {@link #blocksLock()} flags stop the sheet from locking. */
public enum AspectFlag {
    /** The marks spread beyond the limit (or, for a measurement, differ): the head judge must resolve it. */
    DISAGREEMENT(true),
    /** More judges marked than a SUM aspect's quorum; the sum would exceed the maximum. */
    PANEL_EXCEEDS_SUM_QUORUM(true),
    /** The middle marks were outside the tolerance band; the fallback rule decided the value. */
    TOLERANCE_FALLBACK(false);

    private final boolean blocksLock;

    AspectFlag(boolean blocksLock) {
        this.blocksLock = blocksLock;
    }

    public boolean blocksLock() {
        return blocksLock;
    }
}
