package io.jiangxin.embeddedpg;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the PostgreSQL command-line tools, possibly as another user, capturing their output in a file. */
final class Commands {
  private static final Logger LOG = LoggerFactory.getLogger(Commands.class);

  /** Result of one command. */
  record Result(int exitCode, String output) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  private final List<String> prefix;
  private final Path outputFile;
  private final Path workDir;

  /**
   * @param prefix prepended to every command (e.g. {@code setpriv --reuid=65534 ...}); empty to run as this user
   * @param outputFile where each command's stdout and stderr go (overwritten per command; opened by this JVM)
   * @param workDir working directory of the commands
   */
  Commands(List<String> prefix, Path outputFile, Path workDir) {
    this.prefix = List.copyOf(prefix);
    this.outputFile = outputFile;
    this.workDir = workDir;
  }

  List<String> prefix() {
    return prefix;
  }

  Result run(Duration timeout, String... command) throws IOException {
    return run(timeout, List.of(command));
  }

  Result run(Duration timeout, List<String> command) throws IOException {
    List<String> full = new ArrayList<>(prefix);
    full.addAll(command);
    ProcessBuilder pb = new ProcessBuilder(full)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
        .redirectOutput(ProcessBuilder.Redirect.to(outputFile.toFile()));
    Map<String, String> env = pb.environment();
    // The tools read PGDATA, PGPORT, PGHOST, ... from the environment; everything they need is passed explicitly.
    env.keySet().removeIf(k -> k.startsWith("PG"));
    env.put("LC_ALL", "C");
    env.put("LANG", "C");
    LOG.debug("running {}", full);
    Process p = pb.start();
    boolean finished;
    try {
      finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + full, e);
    }
    if (!finished) {
      p.destroyForcibly();
      throw new IOException("timed out after " + timeout.toSeconds() + " s running " + full
          + "; output:\n" + tail(outputFile, 0, 40));
    }
    String out = Files.exists(outputFile) ? Files.readString(outputFile, StandardCharsets.UTF_8) : "";
    return new Result(p.exitValue(), out);
  }

  /**
   * The last {@code maxLines} lines of {@code file}, reading only from byte offset {@code from} on (so a caller can
   * show what a log gained since it was last looked at). Empty when the file does not exist.
   */
  static String tail(Path file, long from, int maxLines) {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long len = raf.length();
      long start = Math.max(from, len - 64 * 1024);
      if (start >= len) {
        return "";
      }
      byte[] buf = new byte[(int) (len - start)];
      raf.seek(start);
      raf.readFully(buf);
      String text = new String(buf, StandardCharsets.UTF_8);
      Deque<String> lines = new ArrayDeque<>();
      for (String line : text.split("\n", -1)) {
        lines.addLast(line);
        if (lines.size() > maxLines + 1) {
          lines.removeFirst();
        }
      }
      if (!lines.isEmpty() && lines.peekLast().isEmpty()) {
        lines.removeLast();
      }
      while (lines.size() > maxLines) {
        lines.removeFirst();
      }
      return String.join("\n", lines);
    } catch (IOException e) {
      return "";
    }
  }
}
