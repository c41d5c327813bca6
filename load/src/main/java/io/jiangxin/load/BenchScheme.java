package io.jiangxin.load;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The benchmark's marking scheme: 30 judgement aspects, 0–10 in steps of 0.5, a trimmed mean of 5 judges. */
final class BenchScheme {

    static final int ASPECTS = 30;

    private BenchScheme() {
    }

    static JsonObject json() {
        JsonArray modules = new JsonArray();
        for (int m = 0; m < 3; m++) {
            JsonArray aspects = new JsonArray();
            for (int a = 0; a < ASPECTS / 3; a++) {
                String id = aspectId(m * (ASPECTS / 3) + a);
                aspects.add(new JsonObject().put("id", id).put("descriptionZh", "评分项 " + id)
                        .put("descriptionEn", "Aspect " + id).put("type", "JUDGEMENT").put("maximum", 10)
                        .put("step", 0.5));
            }
            modules.add(new JsonObject().put("id", "m" + m).put("nameZh", "模块" + m).put("nameEn", "Module " + m)
                    .put("aspects", aspects));
        }
        return new JsonObject().put("id", "bench").put("nameZh", "压测").put("nameEn", "Benchmark")
                .put("rounding", new JsonObject().put("scale", 2).put("mode", "HALF_UP"))
                .put("defaults", new JsonObject()
                        .put("aggregation", new JsonObject().put("rule", "TRIMMED_MEAN").put("trim", 1))
                        .put("quorum", 3)
                        .put("disagreement", new JsonObject().put("maxSpread", 10)))
                .put("parts", new JsonArray().add(new JsonObject().put("id", "practical").put("nameZh", "实操")
                        .put("nameEn", "Practical").put("maximum", ASPECTS * 10).put("weight", 100)
                        .put("modules", modules)));
    }

    static String aspectId(int index) {
        return "A" + (index + 1);
    }
}
