package io.jiangxin.embeddedpg;

import static io.jiangxin.embeddedpg.PgTestSupport.capabilities;
import static io.jiangxin.embeddedpg.PgTestSupport.execute;
import static io.jiangxin.embeddedpg.PgTestSupport.queryOne;
import static io.jiangxin.embeddedpg.PgTestSupport.uids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * As root, with the data root under a directory nobody cannot traverse (like /root/project/data with /root mode 700):
 * the server runs as nobody with CAP_DAC_READ_SEARCH and binaries from a root-owned directory nobody can reach.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NonTraversableDataRootTest {
  private Path base;
  private Path locked;
  private Path shared;
  private final List<EmbeddedPostgres> started = new ArrayList<>();

  @BeforeAll
  void setUp() throws IOException {
    assumeTrue(EmbeddedPostgres.effectiveUid() == 0, "only meaningful as root");
    base = Files.createTempDirectory("jxpg-locked-test-");
    Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
    locked = base.resolve("home");
    Files.createDirectory(locked);
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    shared = base.resolve("shared-binaries");
  }

  @AfterAll
  void cleanUp() throws IOException {
    started.forEach(EmbeddedPostgres::close);
    if (base != null) {
      PgTestSupport.deleteTree(base);
    }
  }

  @Test
  void startsWithDacReadSearchAndKeepsData() throws Exception {
    Path dataRoot = locked.resolve("project/data");
    assertThat(EmbeddedPostgres.firstNotTraversable(dataRoot.getParent(), EmbeddedPostgres.NOBODY,
        EmbeddedPostgres.NOBODY)).contains(locked);

    EmbeddedPostgres pg = EmbeddedPostgres.start(dataRoot, shared);
    started.add(pg);
    assertThat(queryOne(pg, "select 1")).isEqualTo("1");
    execute(pg, "create table t(x int)");
    execute(pg, "insert into t values (42)");

    long postmaster = EmbeddedPostgres.postmasterPid(pg.dataDirectory()).orElseThrow();
    assertThat(uids(postmaster)).containsOnly(EmbeddedPostgres.NOBODY);
    long dacReadSearch = 1L << 2; // CAP_DAC_READ_SEARCH
    assertThat(capabilities(postmaster, "CapAmb")).isEqualTo(dacReadSearch);
    assertThat(capabilities(postmaster, "CapEff")).isEqualTo(dacReadSearch);

    // binaries come from the shared, root-owned directory, not from under the locked path
    assertThat(shared.resolve(BinaryArchive.MARKER)).isRegularFile();
    assertThat((Integer) Files.getAttribute(shared, "unix:uid")).isZero();
    assertThat(dataRoot.resolve("pg-17.5.0")).doesNotExist();
    assertThat(Files.readString(Path.of("/proc", Long.toString(postmaster), "cmdline")))
        .startsWith(shared.resolve("bin/postgres").toString());

    pg.close();
    EmbeddedPostgres again = EmbeddedPostgres.start(dataRoot, shared);
    started.add(again);
    assertThat(queryOne(again, "select x from t")).isEqualTo("42");
  }
}
