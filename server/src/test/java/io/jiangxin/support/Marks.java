package io.jiangxin.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The body of a judge's mark submission. */
public final class Marks {

    private Marks() {
    }

    /** Marks given as aspect ids and values in turn: {@code of("A1", 9, "A2", "7.5")}. */
    public static JsonObject of(Object... aspectThenValue) {
        JsonArray marks = new JsonArray();
        for (int i = 0; i < aspectThenValue.length; i += 2) {
            marks.add(new JsonObject().put("aspectId", aspectThenValue[i]).put("value", aspectThenValue[i + 1]));
        }
        return new JsonObject().put("marks", marks);
    }
}
