package io.jiangxin.judging;

import java.io.Serializable;

/**
 * One line of a board. {@code rank} is standard competition ranking (ties share it), {@code position} the line
 * number; {@code status} is PROVISIONAL, LOCKED, FINAL or DISQUALIFIED; {@code award} the band the current
 * ranking would earn, or null.
 */
public record BoardRow(String entryId, int position, Integer rank, boolean tied, String total, String status,
                       String award) implements Serializable {
}
