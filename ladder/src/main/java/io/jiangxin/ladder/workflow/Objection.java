package io.jiangxin.ladder.workflow;

import java.time.LocalDateTime;

/** An objection (异议) filed during a public notice, and its ruling once made ({@code ruling} {@code null} while pending). */
public record Objection(String objectionId, String filedBy, LocalDateTime filedAt, String statement,
                        ObjectionRuling ruling, String ruledBy, LocalDateTime ruledAt, String rulingWhy) {

    public boolean pending() {
        return ruling == null;
    }

    Objection ruled(ObjectionRuling ruling, DecisionInput input) {
        return new Objection(objectionId, filedBy, filedAt, statement, ruling, input.by(), input.at(), input.why());
    }
}
