package io.jiangxin.embeddedpg;

import static io.jiangxin.embeddedpg.PgTestSupport.alive;
import static io.jiangxin.embeddedpg.PgTestSupport.execute;
import static io.jiangxin.embeddedpg.PgTestSupport.listeningAddresses;
import static io.jiangxin.embeddedpg.PgTestSupport.queryOne;
import static io.jiangxin.embeddedpg.PgTestSupport.uids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Integration tests on one data root (so the binaries are unpacked and the cluster initialised once). Each test
 * starts a server if the previous one left none running. Runs as root on the build machine, which exercises the
 * setpriv path.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedPostgresTest {
  private Path base;
  private Path dataRoot;
  private final List<EmbeddedPostgres> started = new ArrayList<>();
  private final List<Process> children = new ArrayList<>();
  private final List<Long> orphanPids = new ArrayList<>();
  private EmbeddedPostgres current;
  private long coldStartMillis;

  @BeforeAll
  void coldStart() throws IOException {
    base = Files.createTempDirectory("jxpg-test-");
    // createTempDirectory makes it 0700; nobody must be able to traverse it for the ordinary (no capability) path
    Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
    dataRoot = base.resolve("data");
    long t0 = System.nanoTime();
    current = track(EmbeddedPostgres.start(dataRoot));
    coldStartMillis = (System.nanoTime() - t0) / 1_000_000;
    System.out.println("TIMING cold start (unpack + initdb + start): " + coldStartMillis + " ms");
  }

  @AfterAll
  void cleanUp() throws IOException {
    for (EmbeddedPostgres pg : started) {
      pg.close();
    }
    for (Process p : children) {
      p.destroyForcibly();
    }
    for (long pid : orphanPids) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy); // SIGTERM: smart shutdown
    }
    // any server still running on the data root (e.g. an orphan a failed test left behind)
    if (dataRoot != null && EmbeddedPostgres.postmasterPid(dataRoot.resolve("pgdata")).isPresent()) {
      try {
        EmbeddedPostgres.start(dataRoot).close(); // start stops an orphan; close stops ours
      } catch (IOException ignored) {
        // nothing more to do
      }
    }
    if (base != null) {
      PgTestSupport.deleteTree(base);
    }
  }

  private EmbeddedPostgres track(EmbeddedPostgres pg) {
    started.add(pg);
    return pg;
  }

  private EmbeddedPostgres running() throws IOException {
    if (current == null) {
      current = track(EmbeddedPostgres.start(dataRoot));
    }
    return current;
  }

  private void stopCurrent() {
    if (current != null) {
      current.close();
      current = null;
    }
  }

  @Test
  @Order(1)
  void freshStartServesQueriesOnLoopbackOnly() throws Exception {
    EmbeddedPostgres pg = running();
    assertThat(queryOne(pg, "select 1")).isEqualTo("1");
    assertThat(queryOne(pg, "select version()")).startsWith("PostgreSQL 17.5 ");
    assertThat(pg.port()).isBetween(1024, 65535);
    assertThat(pg.url()).isEqualTo("postgresql://postgres@127.0.0.1:" + pg.port() + "/postgres");
    assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + pg.port() + "/postgres?user=postgres");
    assertThat(queryOne(pg, "select current_user")).isEqualTo("postgres");
    assertThat(queryOne(pg, "select pg_encoding_to_char(encoding) from pg_database where datname = 'postgres'"))
        .isEqualTo("UTF8");
    assertThat(queryOne(pg, "select datcollate from pg_database where datname = 'postgres'")).isEqualTo("C");

    assertThat(queryOne(pg, "show listen_addresses")).isEqualTo("127.0.0.1");
    assertThat(listeningAddresses("/proc/net/tcp", pg.port())).containsExactly("0100007F");
    assertThat(listeningAddresses("/proc/net/tcp6", pg.port())).isEmpty();

    Path realRoot = dataRoot.toRealPath();
    assertThat(queryOne(pg, "select current_setting('data_directory')")).isEqualTo(realRoot.resolve("pgdata").toString());
    assertThat(pg.dataDirectory()).isEqualTo(realRoot.resolve("pgdata"));
    assertThat(queryOne(pg, "select current_setting('unix_socket_directories')"))
        .isEqualTo(realRoot.resolve("run").toString());
    assertThat(realRoot.resolve("run/.s.PGSQL." + pg.port())).exists();
    assertThat(realRoot.resolve("pg-17.5.0/" + BinaryArchive.MARKER)).isRegularFile();
    assertThat(realRoot.resolve("pg-17.5.0/bin/postgres")).isExecutable();
    assertThat(Files.isSymbolicLink(realRoot.resolve("pg-17.5.0/lib/libpq.so"))).isTrue();
    assertThat(Files.readString(pg.logFile())).contains("database system is ready to accept connections");
  }

  @Test
  @Order(2)
  void serverDoesNotRunAsRoot() throws Exception {
    EmbeddedPostgres pg = running();
    long postmaster = EmbeddedPostgres.postmasterPid(pg.dataDirectory()).orElseThrow();
    int expected = EmbeddedPostgres.effectiveUid() == 0 ? EmbeddedPostgres.NOBODY : EmbeddedPostgres.effectiveUid();
    assertThat(uids(postmaster)).containsOnly(expected);
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl());
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select pg_backend_pid()")) {
      assertThat(rs.next()).isTrue();
      long backend = rs.getLong(1); // alive while the connection is open
      assertThat(uids(backend)).containsOnly(expected);
    }
    assertThat(uids(postmaster)).doesNotContain(0);
    // the data root is traversable by nobody here, so no capability was granted
    assertThat(PgTestSupport.capabilities(postmaster, "CapEff")).isZero();
    assertThat(PgTestSupport.capabilities(postmaster, "CapAmb")).isZero();
    assertThat((Integer) Files.getAttribute(pg.dataDirectory(), "unix:uid")).isEqualTo(expected);
  }

  @Test
  @Order(3)
  void dataSurvivesStopAndStart() throws Exception {
    EmbeddedPostgres pg = running();
    execute(pg, "create table kept(id int primary key, name text)");
    execute(pg, "insert into kept values (1, '匠心')");
    int firstPort = pg.port();
    stopCurrent();
    assertThat(connectable(firstPort)).isFalse();

    long t0 = System.nanoTime();
    EmbeddedPostgres again = running();
    long warm = (System.nanoTime() - t0) / 1_000_000;
    System.out.println("TIMING warm start (unpacked + initialised): " + warm + " ms");
    assertThat(queryOne(again, "select name from kept where id = 1")).isEqualTo("匠心");
    assertThat(warm).isLessThan(coldStartMillis);
  }

  @Test
  @Order(4)
  void closeIsIdempotentAndStopsTheServer() throws Exception {
    EmbeddedPostgres pg = running();
    int port = pg.port();
    long pid = EmbeddedPostgres.postmasterPid(pg.dataDirectory()).orElseThrow();
    assertThat(pg.pid()).isEqualTo(pid);
    assertThat(alive(pid)).isTrue();
    assertThat(connectable(port)).isTrue();
    pg.close();
    current = null;
    assertThat(connectable(port)).isFalse();
    assertThat(alive(pid)).isFalse();
    assertThat(pg.dataDirectory().resolve("postmaster.pid")).doesNotExist();
    pg.close(); // second close: no exception, nothing to do
    assertThat(Files.readString(pg.logFile())).contains("database system is shut down");
  }

  @Test
  @Order(5)
  void secondStartOnTheSameDataRootFailsAndLeavesTheFirstRunning() throws Exception {
    EmbeddedPostgres pg = running();
    assertThatThrownBy(() -> track(EmbeddedPostgres.start(dataRoot)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("already in use")
        .hasMessageContaining(dataRoot.toRealPath().toString());
    assertThat(queryOne(pg, "select 1")).isEqualTo("1");
    // a different spelling of the same directory is the same data root
    assertThatThrownBy(() -> track(EmbeddedPostgres.start(base.resolve("data/../data"))))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("already in use");
    assertThat(queryOne(pg, "select 1")).isEqualTo("1");
  }

  @Test
  @Order(6)
  void orphanLeftByAKilledJvmIsStoppedOnNextStart() throws Exception {
    stopCurrent();
    Path out = base.resolve("child.out");
    Process child = startChild(out);
    String[] ready = awaitReady(child, out);
    long orphan = Long.parseLong(ready[2]);
    orphanPids.add(orphan);
    assertThat(alive(orphan)).isTrue();

    // while the other JVM owns the data root, starting here fails (the lock is across processes)
    assertThatThrownBy(() -> track(EmbeddedPostgres.start(dataRoot)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("already in use by a running embedded PostgreSQL in another process")
        .hasMessageContaining("owner pid " + child.pid());

    child.destroyForcibly(); // SIGKILL: no shutdown hook, the postmaster is orphaned
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(alive(orphan)).as("postmaster outlives the killed JVM").isTrue();

    EmbeddedPostgres pg = running();
    assertThat(alive(orphan)).as("orphan stopped by the next start").isFalse();
    long now = EmbeddedPostgres.postmasterPid(pg.dataDirectory()).orElseThrow();
    assertThat(now).isNotEqualTo(orphan);
    assertThat(queryOne(pg, "select name from kept where id = 1")).isEqualTo("匠心");
    assertThat(Files.readString(pg.logFile()))
        .as("the orphan was shut down cleanly (fast), not crashed")
        .contains("received fast shutdown request");
  }

  @Test
  @Order(7)
  void failedStartReportsTheServerLogAndReleasesTheDataRoot() throws Exception {
    stopCurrent();
    Path conf = dataRoot.resolve("pgdata/postgresql.conf");
    String original = Files.readString(conf);
    Files.writeString(conf, "jiangxin_bogus_setting = 1\n", StandardOpenOption.APPEND);
    try {
      assertThatThrownBy(() -> track(EmbeddedPostgres.start(dataRoot)))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("PostgreSQL failed to start")
          .hasMessageContaining("postgresql.log")
          .hasMessageContaining("unrecognized configuration parameter \"jiangxin_bogus_setting\"");
    } finally {
      Files.writeString(conf, original);
    }
    // the failed attempt released the lock: the data root can be started again
    EmbeddedPostgres pg = running();
    assertThat(queryOne(pg, "select name from kept where id = 1")).isEqualTo("匠心");
  }

  @Test
  @Order(8)
  void failedInitdbReportsItsOutput() throws Exception {
    Path other = base.resolve("bad-initdb");
    Files.createDirectories(other);
    // a complete-looking unpack (marker present) whose bootstrap script is broken: initdb must fail
    Process cp = new ProcessBuilder("cp", "-a", dataRoot.resolve("pg-17.5.0").toString(), other.toString())
        .inheritIO().start();
    assertThat(cp.waitFor()).isZero();
    Files.writeString(other.resolve("pg-17.5.0/share/postgresql/postgres.bki"), "not a bootstrap script\n");
    assertThatThrownBy(() -> track(EmbeddedPostgres.start(other)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("initdb failed")
        .hasMessageContaining("postgres.bki");
    assertThat(other.resolve("pgdata")).doesNotExist();
  }

  @Test
  @Order(9)
  void nonEmptyDirectoryWithoutClusterIsRefused() throws Exception {
    Path other = base.resolve("not-a-cluster");
    Files.createDirectories(other.resolve("pgdata"));
    Files.writeString(other.resolve("pgdata/precious.txt"), "keep me");
    assertThatThrownBy(() -> track(EmbeddedPostgres.start(other)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not empty")
        .hasMessageContaining("PG_VERSION");
    assertThat(Files.readString(other.resolve("pgdata/precious.txt"))).isEqualTo("keep me");
  }

  @Test
  @Order(10)
  void jvmExitWithoutCloseStopsTheServer() throws Exception {
    stopCurrent();
    Path out = base.resolve("child-exit.out");
    Process child = startChild(out, "exit");
    String[] ready = awaitReady(child, out);
    long pid = Long.parseLong(ready[2]);
    orphanPids.add(pid);
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isZero();
    assertThat(alive(pid)).as("the shutdown hook stopped the postmaster").isFalse();
    assertThat(Files.readString(out)).contains("JVM shutting down: stopping embedded PostgreSQL");
    assertThat(dataRoot.resolve("pgdata/postmaster.pid")).doesNotExist();
  }

  private Process startChild(Path out, String... extra) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        CrashingOwner.class.getName(), dataRoot.toString()));
    cmd.addAll(List.of(extra));
    Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    children.add(child);
    return child;
  }

  private static boolean connectable(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String[] awaitReady(Process child, Path out) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      if (Files.exists(out)) {
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
          if (line.startsWith("READY ")) {
            return line.split(" ");
          }
        }
      }
      if (!child.isAlive()) {
        throw new AssertionError("child JVM exited " + child.exitValue() + ":\n" + Files.readString(out));
      }
      Thread.sleep(50);
    }
    throw new AssertionError("child JVM not ready in time:\n" + Files.readString(out));
  }
}
