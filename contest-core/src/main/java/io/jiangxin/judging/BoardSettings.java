package io.jiangxin.judging;

import java.io.Serializable;

/**
 * The organizer's setting of an event's public board, as one {@link RecordKind#BOARD_POLICY} record says it.
 *
 * <p>Team (团体) and enterprise boards group entries by enterprise, so while entries are anonymous they would tell
 * the audience who is who (with one entry per enterprise, "002 48.60" lines up with "某公司 48.60"). The public
 * board therefore shows them only once names are public, unless {@code showTeamsBeforeNames} says the organizer
 * chose to reveal, during judging, which entries belong to which team.
 *
 * <p>The record's detail is the policy's name, followed by {@code ;showTeamsBeforeNames} when set, so records
 * written before the setting existed read as they always did.
 */
public record BoardSettings(BoardPolicy policy, boolean showTeamsBeforeNames) implements Serializable {

    static final String TEAMS_BEFORE_NAMES = "showTeamsBeforeNames";
    public static final BoardSettings DEFAULT = new BoardSettings(BoardPolicy.PROVISIONAL, false);

    public BoardSettings {
        java.util.Objects.requireNonNull(policy, "policy");
    }

    /** The detail of the record that sets this. */
    public String detail() {
        return showTeamsBeforeNames ? policy.name() + ";" + TEAMS_BEFORE_NAMES : policy.name();
    }

    /** The setting a stored record's detail names. */
    static BoardSettings parse(String detail) {
        String[] parts = detail.split(";", -1);
        boolean teams = false;
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].equals(TEAMS_BEFORE_NAMES)) {
                throw new IllegalArgumentException("unknown board setting " + parts[i]);
            }
            teams = true;
        }
        return new BoardSettings(BoardPolicy.valueOf(parts[0]), teams);
    }
}
