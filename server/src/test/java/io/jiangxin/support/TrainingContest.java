package io.jiangxin.support;

import io.vertx.core.json.JsonObject;

/** A training assessment (培训考核, contest kind TRAINING): the judging test scheme with a pass mark of 65. */
public final class TrainingContest {

    private TrainingContest() {
    }

    /** The usual {@link JudgingSetup} event, in a training assessment of this name. */
    public static JudgingSetup setUp(Http organizer, String name) {
        return new JudgingSetup(organizer, name, "TRAINING", scheme());
    }

    public static JsonObject scheme() {
        return JudgingSetup.testScheme().put("passMark", 65);
    }
}
