package io.jiangxin.judging;

import java.io.Serializable;

/**
 * One line of a board. {@code rank} is standard competition ranking (ties share it), {@code position} the line
 * number; {@code total} the raw total; {@code status} is PROVISIONAL, LOCKED, FINAL or DISQUALIFIED; {@code award}
 * the band the current ranking would earn, or null. {@code normalised} is the score the entry ranks on when the
 * scheme normalises per judge (null otherwise, or before any judge scored it); {@code advances} whether the
 * scheme's advancement rule takes the entry on (null when the scheme has none); {@code combined} the weighted sum of
 * the rounds' totals the entry ranks on when the scheme combines rounds (null otherwise).
 */
public record BoardRow(String entryId, int position, Integer rank, boolean tied, String total, String status,
                       String award, String normalised, Boolean advances, String combined) implements Serializable {

    /** A line of a scheme that neither normalises nor advances. */
    public BoardRow(String entryId, int position, Integer rank, boolean tied, String total, String status,
                    String award) {
        this(entryId, position, rank, tied, total, status, award, null, null, null);
    }
}
