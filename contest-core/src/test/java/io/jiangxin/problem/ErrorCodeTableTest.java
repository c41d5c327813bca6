package io.jiangxin.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md lists the error codes as {@link ErrorCode} has them, between two markers. The table is written from
 * the enum: run this test with {@code -Djiangxin.writeErrorCodes=true} to rewrite it, then review the diff.
 */
class ErrorCodeTableTest {

    static final Path API_DOC = Path.of("..", "docs", "api.md");
    static final String START = "<!-- error codes: written from io.jiangxin.problem.ErrorCode by ErrorCodeTableTest -->";
    static final String END = "<!-- end of error codes -->";
    static final String REGENERATE = "mvn -o -q -B -pl contest-core -am test -Dtest=ErrorCodeTableTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Djiangxin.writeErrorCodes=true";

    /** The table: by status, then in the enum's order (which groups the codes by subject). */
    static String table() {
        StringBuilder table = new StringBuilder("| status | `error` | 说明 | meaning |\n|---|---|---|---|\n");
        Arrays.stream(ErrorCode.values()).sorted(Comparator.comparingInt(ErrorCode::status)).forEach(code ->
                table.append("| ").append(code.status()).append(" | `").append(code.name()).append("` | ")
                        .append(code.zh()).append(" | ").append(code.en()).append(" |\n"));
        return table.toString();
    }

    static String withTable(String document) {
        int start = document.indexOf(START);
        int end = document.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalStateException("docs/api.md lacks the markers " + START + " and " + END);
        }
        return document.substring(0, start + START.length()) + "\n" + table() + document.substring(end);
    }

    @Test
    void docsApiListsEveryErrorCodeAsTheEnumHasIt() throws IOException {
        String document = Files.readString(API_DOC, StandardCharsets.UTF_8);
        String expected = withTable(document);
        if (Boolean.getBoolean("jiangxin.writeErrorCodes") && !expected.equals(document)) {
            Files.writeString(API_DOC, expected, StandardCharsets.UTF_8);
            document = expected;
        }
        assertThat(document).as("docs/api.md's error codes differ from ErrorCode; rewrite them with: " + REGENERATE)
                .isEqualTo(expected);
    }
}
