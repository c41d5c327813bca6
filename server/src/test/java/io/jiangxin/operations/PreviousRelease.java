package io.jiangxin.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The previous release's server jar, for the mixed-release cluster test: the source at {@link #COMMIT} taken from
 * this repository's history (git archive) and built offline with Maven once, cached under target/. Moving
 * {@code COMMIT} to each release's tag is part of cutting a release (docs/operations.md, "Rolling upgrade").
 */
final class PreviousRelease {

    /** The release this branch rolls from: the main line this branch started at. */
    static final String COMMIT = "160dc5dbd183fec8aec8f9f262a57cb7815dc029";

    private PreviousRelease() {
    }

    static synchronized Path jar() throws IOException, InterruptedException {
        Path root = Path.of("target", "previous-release", COMMIT).toAbsolutePath();
        Path jar = root.resolve("server/target/jiangxin-server.jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        Files.createDirectories(root);
        run(root, List.of("bash", "-c", "git -C " + Path.of("..").toAbsolutePath() + " archive " + COMMIT
                + " | tar -x -C " + root));
        run(root, List.of("mvn", "-o", "-q", "-B", "-Dmaven.test.skip=true", "package", "-pl", "server", "-am"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the previous release built no " + jar);
        }
        return jar;
    }

    private static void run(Path directory, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("jiangxin-previous-release-", ".log");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " failed; see " + log + ":\n" + Files.readString(log));
        }
    }
}
