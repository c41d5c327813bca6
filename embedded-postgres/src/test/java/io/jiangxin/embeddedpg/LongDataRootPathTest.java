package io.jiangxin.embeddedpg;

import static io.jiangxin.embeddedpg.PgTestSupport.queryOne;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A data root whose socket path would exceed sun_path gets a private socket directory under /tmp. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LongDataRootPathTest {
  private Path base;
  private EmbeddedPostgres pg;

  @BeforeAll
  void setUp() throws IOException {
    base = Files.createTempDirectory("jxpg-long-test-");
    Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @AfterAll
  void cleanUp() throws IOException {
    if (pg != null) {
      pg.close();
    }
    if (base != null) {
      PgTestSupport.deleteTree(base);
    }
  }

  @Test
  void socketGoesToAPrivateTemporaryDirectory() throws Exception {
    Path dataRoot = base.resolve("a-rather-long-directory-name-".repeat(4)).resolve("data");
    assertThat(EmbeddedPostgres.socketPathFits(dataRoot.resolve("run"))).isFalse();

    pg = EmbeddedPostgres.start(dataRoot);
    Path socketDir = pg.socketDirectory();
    assertThat(socketDir.startsWith(dataRoot)).isFalse();
    assertThat(socketDir.getFileName().toString()).startsWith("jxpg-");
    assertThat(EmbeddedPostgres.socketPathFits(socketDir)).isTrue();
    assertThat(socketDir.resolve(".s.PGSQL." + pg.port())).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socketDir))).isEqualTo("rwx------");
    assertThat(queryOne(pg, "select current_setting('unix_socket_directories')")).isEqualTo(socketDir.toString());
    assertThat(queryOne(pg, "select 1")).isEqualTo("1");

    pg.close();
    assertThat(socketDir).doesNotExist();
  }
}
