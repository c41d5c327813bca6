package io.jiangxin.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The engine's worked examples through the server jar's {@code evaluate} command, and its bad-input exit. */
class EvaluateCommandTest {

    private static final Path EXAMPLES = Path.of("..", "engine", "src", "test", "resources", "examples");

    private record Run(int status, String out, String err) {
    }

    private static Run evaluate(Path scheme, Path marks) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int status = commandLine.execute("evaluate", "--scheme", scheme.toString(), "--marks", marks.toString());
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void fourOfFiveJudgesTrimmedGive895() throws Exception {
        Run run = evaluate(EXAMPLES.resolve("quorum-scheme.json"), EXAMPLES.resolve("quorum-marks.json"));
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode entry = new ObjectMapper().readTree(run.out()).get("entries").get(0);
        assertThat(entry.get("modules").get(0).get("total").decimalValue()).isEqualByComparingTo("8.95");
        assertThat(entry.get("rank").asInt()).isEqualTo(1);
    }

    @Test
    void theWeldingExampleRanksEveryEntry() throws Exception {
        Run run = evaluate(EXAMPLES.resolve("welding-scheme.yaml"), EXAMPLES.resolve("welding-marks.yaml"));
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode entries = new ObjectMapper().readTree(run.out()).get("entries");
        assertThat(entries.size()).isGreaterThan(1);
        assertThat(entries.get(0).get("rank").asInt()).isEqualTo(1);
    }

    @Test
    void aBrokenMarksFileExitsWith2AndSaysWhere() throws Exception {
        Path marks = Files.createTempFile("marks-", ".json");
        Files.writeString(marks, "{\"entries\": [{\"entryId\": \"x\"}]}");
        Run run = evaluate(EXAMPLES.resolve("quorum-scheme.json"), marks);
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("entries[0]").contains("entryId");
    }
}
