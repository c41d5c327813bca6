package io.jiangxin.screens;

import static org.assertj.core.api.Assertions.assertThat;

import io.jiangxin.problem.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The apps' one table of refusal sentences (webroot/shared/ui.js, {@code CODES}) and the server's codes agree: every
 * {@link ErrorCode} and every board-socket code has a zh-CN and an English sentence there, so no screen shows a bare
 * code, and the table holds nothing else but the codes the apps make up themselves. Codes still written as strings
 * (callers not yet moved to {@link ErrorCode}, the ladder's workflow refusals) are codes of the enum with its status.
 */
class RefusalCodesTest {

    private static final List<Path> SOURCES = List.of(Path.of("src", "main", "java"),
            Path.of("..", "contest-core", "src", "main", "java"));
    private static final Path PUSH = Path.of("src", "main", "java", "io", "jiangxin", "push");
    private static final Path LADDER = Path.of("..", "ladder", "src", "main", "java");
    private static final Path WEBROOT = Path.of("..", "judge-console", "src", "main", "resources", "webroot");
    private static final Path TABLE = WEBROOT.resolve(Path.of("shared", "ui.js"));

    /** Codes of the apps' own: CONFLICT stands in for a bare 409 (ui.js, STATUS), NETWORK for no answer at all. */
    private static final Set<String> CLIENT_SIDE = Set.of("CONFLICT", "NETWORK");

    private static final Pattern ENTRY = Pattern.compile(
            "^\\s+([A-Z][A-Z0-9_]+): \\['[^']*[\\u4e00-\\u9fff][^']*', '[A-Za-z][^']*'\\],$", Pattern.MULTILINE);
    private static final Pattern SOCKET_CODE = Pattern.compile(
            "BoardMessages\\.error\\((?:[^\"();]*\\?\\s*)?\"([A-Z][A-Z0-9_]+)\"(?:\\s*:\\s*\"([A-Z][A-Z0-9_]+)\")?");
    private static final Pattern STRING_CODE = Pattern.compile(
            "(?:new Problem\\(\\s*(\\d{3})\\s*,|Problem\\.conflict\\()\\s*\"([A-Z][A-Z0-9_]+)\"");
    private static final Pattern WORKFLOW_CODE = Pattern.compile(
            "WorkflowException\\(\\s*\"([A-Z][A-Z0-9_]+)\"|return \"(QUOTA_[A-Z_]+)\"");

    @Test
    void everyCodeHasASentenceInBothLanguagesAndTheTableHoldsNoStaleOne() throws IOException {
        Set<String> table = new TreeSet<>();
        Matcher entry = ENTRY.matcher(read(TABLE));
        while (entry.find()) {
            table.add(entry.group(1));
        }
        Set<String> server = Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> socket = new TreeSet<>();
        for (String source : sources(List.of(PUSH))) {
            Matcher m = SOCKET_CODE.matcher(source);
            while (m.find()) {
                socket.add(m.group(1));
                if (m.group(2) != null) {
                    socket.add(m.group(2));
                }
            }
        }
        assertThat(socket).as("codes the board socket sends").contains("BAD_SUBSCRIPTION", "NO_BOARD",
                "ROLE_NOT_ALLOWED", "WEBSOCKET_REQUIRED");
        assertThat(table).as("codes with a zh-CN and an English sentence in shared/ui.js").containsAll(server)
                .containsAll(socket).containsAll(CLIENT_SIDE);

        Set<String> stale = new TreeSet<>(table);
        stale.removeAll(server);
        stale.removeAll(socket);
        stale.removeAll(CLIENT_SIDE);
        assertThat(stale).as("entries of shared/ui.js that neither the server nor the apps answer with").isEmpty();
        assertThat(read(TABLE)).as("CONFLICT stands in for a 409 without a code").contains("409: 'CONFLICT'");
        assertThat(sources(List.of(WEBROOT)).stream().anyMatch(js -> js.contains("'NETWORK'")))
                .as("an app names a failure to reach the server NETWORK").isTrue();
    }

    @Test
    void codesStillWrittenAsStringsAreCodesOfTheEnumWithItsStatus() throws IOException {
        Map<String, Integer> written = new TreeMap<>();
        for (String source : sources(SOURCES)) {
            Matcher m = STRING_CODE.matcher(source);
            while (m.find()) {
                written.put(m.group(2) + " " + (m.group(1) == null ? "409" : m.group(1)), m.group(1) == null ? 409
                        : Integer.parseInt(m.group(1)));
            }
        }
        for (String source : sources(List.of(LADDER))) {
            Matcher m = WORKFLOW_CODE.matcher(source);
            while (m.find()) {
                // LadderWorkflow answers every workflow and quota refusal as a conflict.
                written.put((m.group(1) != null ? m.group(1) : m.group(2)) + " 409", 409);
            }
        }
        assertThat(written.keySet()).as("codes written as strings").contains("ILLEGAL_TRANSITION 409",
                "QUOTA_YEAR_FULL 409");
        for (Map.Entry<String, Integer> code : written.entrySet()) {
            String name = code.getKey().split(" ")[0];
            assertThat(ErrorCode.named(name)).as(code.getKey() + " is a code of ErrorCode").isPresent();
            assertThat(ErrorCode.valueOf(name).status()).as(code.getKey() + ": the enum's status")
                    .isEqualTo(code.getValue());
        }
    }

    private static List<String> sources(List<Path> roots) throws IOException {
        List<String> texts = new java.util.ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".js"))
                        .toList()) {
                    texts.add(read(file));
                }
            }
        }
        return texts;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
