package io.jiangxin.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the documented example files under src/test/resources/examples through {@link Evaluation}. */
class ExampleFilesTest {

    /** Keeps the printed scale: 88.00 stays "88.00". */
    static final ObjectMapper READER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    static Path example(String name) {
        try {
            return Path.of(ExampleFilesTest.class.getResource("/examples/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode evaluate(String scheme, String marks) throws Exception {
        String json = Evaluation.evaluate(example(scheme), example(marks));
        return READER.readTree(json);
    }

    static JsonNode entry(JsonNode report, String id) {
        for (JsonNode e : report.get("entries")) {
            if (e.get("entry").asText().equals(id)) {
                return e;
            }
        }
        throw new AssertionError("no entry " + id);
    }

    static JsonNode aspect(JsonNode entry, String id) {
        for (JsonNode a : entry.get("aspects")) {
            if (a.get("aspect").asText().equals(id)) {
                return a;
            }
        }
        throw new AssertionError("no aspect " + id);
    }

    static BigDecimal decimal(JsonNode node) {
        return node.decimalValue();
    }

    @Test
    void trimmedMeanOfFiveJudgesAndWeightedTotal() throws Exception {
        JsonNode report = evaluate("elevator-scheme.yaml", "elevator-marks.yaml");
        JsonNode a01 = entry(report, "A01");
        assertThat(aspect(a01, "P1").get("value").decimalValue()).isEqualByComparingTo("88.00");
        assertThat(aspect(a01, "P1").get("value").asText()).isEqualTo("88.00");
        assertThat(a01.get("total").asText()).isEqualTo("86.20");
        assertThat(a01.get("rank").asInt()).isEqualTo(1);
        assertThat(a01.get("lockable").asBoolean()).isTrue();
    }

    @Test
    void trimmedMeanOverTheFourOfFiveJudgesWhoMarked() throws Exception {
        JsonNode report = evaluate("quorum-scheme.json", "quorum-marks.json");
        JsonNode r1 = aspect(entry(report, "B07"), "R1");
        assertThat(r1.get("value").asText()).isEqualTo("8.95");
        assertThat(r1.get("marks").size()).isEqualTo(4);
        assertThat(entry(report, "B07").get("total").asText()).isEqualTo("89.50");
    }
}
