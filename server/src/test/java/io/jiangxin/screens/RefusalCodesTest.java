package io.jiangxin.screens;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every refusal code the server can answer with has a zh-CN sentence and an English one in the apps' one table
 * (webroot/shared/ui.js, CODES), so no screen ever shows a bare code. The codes are read from the server's sources
 * as they are thrown ({@code Problem…("CODE"}) and as the board socket sends them ({@code error("CODE"}).
 */
class RefusalCodesTest {

    private static final java.util.List<Path> SOURCES = java.util.List.of(Path.of("src", "main", "java"),
            Path.of("..", "contest-core", "src", "main", "java"));
    private static final Path TABLE = Path.of("..", "judge-console", "src", "main", "resources", "webroot", "shared",
            "ui.js");
    private static final Pattern THROWN = Pattern.compile(
            "(?:Problem(?:\\.[a-zA-Z]+)?\\((?:\\s*\\d+\\s*,)?|BoardMessages\\.error\\()\\s*\"([A-Z][A-Z0-9_]+)\"");
    private static final Pattern ENTRY = Pattern.compile(
            "^\\s+([A-Z][A-Z0-9_]+): \\['[^']*[\\u4e00-\\u9fff][^']*', '[A-Za-z][^']*'\\],$", Pattern.MULTILINE);

    @Test
    void everyCodeTheServerAnswersWithHasASentenceInBothLanguages() throws IOException {
        Set<String> thrown = new TreeSet<>();
        for (Path sources : SOURCES) {
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = THROWN.matcher(Files.readString(file, StandardCharsets.UTF_8));
                    while (m.find()) {
                        thrown.add(m.group(1));
                    }
                }
            }
        }
        Set<String> table = new TreeSet<>();
        Matcher m = ENTRY.matcher(Files.readString(TABLE, StandardCharsets.UTF_8));
        while (m.find()) {
            table.add(m.group(1));
        }
        assertThat(thrown).as("codes found in the server's sources").contains("JUDGING_STARTED", "SHEETS_NOT_LOCKED",
                "NOTHING_TO_REVEAL").hasSizeGreaterThan(60);
        assertThat(table).as("codes with a zh-CN and an English sentence in shared/ui.js").containsAll(thrown);
    }
}
