package io.jiangxin.embeddedpg;

import io.jiangxin.embeddedpg.BinaryArchive.PosixFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 17 server run from the binaries bundled on the classpath, for when no database URL is configured.
 *
 * <h2>Layout under {@code dataRoot}</h2>
 * <ul>
 *   <li>{@code pg-17.5.0/} the unpacked binaries (a {@code .unpacked} marker, written last, marks a complete unpack);
 *   <li>{@code pgdata/} the cluster, created by {@code initdb} into a temporary sibling then renamed, so a half-made
 *       cluster is never mistaken for a real one;
 *   <li>{@code postgresql.log} the server log ({@code pg_ctl -l}); rotated to {@code postgresql.log.1} at start when
 *       it exceeds 10 MB;
 *   <li>{@code run/} the Unix socket directory (a private directory under {@code /tmp} instead when the socket path
 *       would exceed the 107-byte limit);
 *   <li>{@code embedded-postgres.lock} held (an OS file lock) by the owning JVM while the server runs;
 *   <li>{@code command-output.log} the output of the last {@code initdb}/{@code pg_ctl} run.
 * </ul>
 *
 * <h2>Running as root</h2>
 * PostgreSQL refuses to run as root, so when this JVM's effective uid is 0 the tools run through
 * {@code setpriv --reuid=65534 --regid=65534 --clear-groups} (user {@code nobody}) and the cluster, socket directory and
 * log are owned by 65534. The binaries stay owned by root (nobody only needs to read and execute them).
 *
 * <p>When {@code nobody} cannot traverse the path to {@code dataRoot} (e.g. {@code /root/project/data} with
 * {@code /root} mode 700), the server process gets the ambient capability {@code CAP_DAC_READ_SEARCH} (it may then
 * read and traverse any directory, but not write outside what nobody owns). That is enough for the data directory,
 * but not for the binaries: PostgreSQL validates its own executables with {@code access(2)}, which ignores
 * capabilities for a non-root real uid. So in that case the binaries are unpacked to a root-owned, world-readable
 * directory {@code /var/tmp/jiangxin-pg-17.5.0} instead. If the capability cannot be granted (e.g. a container whose
 * bounding set lacks it), {@link #start} fails with a message naming the directory nobody cannot traverse.
 *
 * <h2>Concurrent and crashed owners</h2>
 * One instance owns a data root at a time: {@link #start} takes an exclusive OS lock on
 * {@code embedded-postgres.lock}. A second {@code start} on the same data root while the first instance runs (in this
 * JVM or another) fails with an {@link IOException} saying the data root is in use; the first instance is not
 * disturbed. Because the OS drops the lock when a JVM dies, a {@code postmaster.pid} naming a live postgres process
 * while the lock is free means an orphan left by a killed JVM: {@link #start} stops it ({@code pg_ctl stop -m fast},
 * then {@code -m immediate} if needed) and starts a fresh server on a new port. It does not reuse the orphan, so the
 * new instance always owns the process it will stop, its port and its socket directory. A stale
 * {@code postmaster.pid} (no live process) is left to PostgreSQL, which ignores it.
 */
public final class EmbeddedPostgres implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);

  static final int NOBODY = 65534;
  /** sizeof(sockaddr_un.sun_path) - 1. */
  static final int MAX_SOCKET_PATH_BYTES = 107;
  static final Path DEFAULT_SHARED_BINARIES = Path.of("/var/tmp", "jiangxin-pg-" + BinaryArchive.VERSION);

  private static final String DATABASE = "postgres";
  private static final String USER = "postgres";
  private static final long LOG_ROTATE_BYTES = 10L * 1024 * 1024;
  private static final Duration INITDB_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration PG_CTL_TIMEOUT = Duration.ofSeconds(90);
  private static final int START_ATTEMPTS = 3;
  private static final Set<Path> OWNED_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

  private final Path dataRoot;
  private final Path dataDirectory;
  private final Path logFile;
  private final Path socketDirectory;
  private final boolean privateSocketDirectory;
  private final Commands commands;
  private final Path pgCtl;
  private final int port;
  private final long pid;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread shutdownHook;

  private EmbeddedPostgres(Path dataRoot, Path dataDirectory, Path logFile, Path socketDirectory,
      boolean privateSocketDirectory, Commands commands, Path pgCtl, int port, long pid, FileChannel lockChannel,
      FileLock lock) {
    this.dataRoot = dataRoot;
    this.dataDirectory = dataDirectory;
    this.logFile = logFile;
    this.socketDirectory = socketDirectory;
    this.privateSocketDirectory = privateSocketDirectory;
    this.commands = commands;
    this.pgCtl = pgCtl;
    this.port = port;
    this.pid = pid;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.shutdownHook = new Thread(this::closeFromShutdownHook, "embedded-postgres-shutdown");
  }

  /**
   * Unpacks the bundled binaries if needed, initialises the cluster if needed, starts it on a free 127.0.0.1 port.
   *
   * @param dataRoot directory holding binaries, cluster and log; created if missing
   * @throws IOException if PostgreSQL cannot be prepared or started (the message includes the relevant log tail), or
   *     if another instance owns {@code dataRoot}
   */
  public static EmbeddedPostgres start(Path dataRoot) throws IOException {
    return start(dataRoot, DEFAULT_SHARED_BINARIES, 0);
  }

  /**
   * As {@link #start(Path)}, on the given port instead of a free one; a restarted server keeps its address, so its
   * clients reconnect on their own.
   */
  public static EmbeddedPostgres start(Path dataRoot, int port) throws IOException {
    return start(dataRoot, DEFAULT_SHARED_BINARIES, port);
  }

  /** As {@link #start(Path)}, with the binaries directory used when nobody cannot traverse to the data root. */
  static EmbeddedPostgres start(Path dataRoot, Path sharedBinaries) throws IOException {
    return start(dataRoot, sharedBinaries, 0);
  }

  private static EmbeddedPostgres start(Path dataRoot, Path sharedBinaries, int port) throws IOException {
    long t0 = System.nanoTime();
    boolean root = effectiveUid() == 0;
    Path requested = dataRoot.toAbsolutePath().normalize();
    boolean created = !Files.exists(requested);
    Files.createDirectories(requested);
    if (created && root) {
      Files.setPosixFilePermissions(requested, PosixFiles.MODE_755);
    }
    Path base = requested.toRealPath();

    // Closing any descriptor of a file drops this process's POSIX locks on it, so a second instance in this JVM must
    // not even open the lock file: this set catches it first.
    if (!OWNED_IN_THIS_JVM.add(base)) {
      throw new IOException("data root " + base + " is already in use by a running embedded PostgreSQL in this "
          + "process; close it first or use another data root");
    }
    try {
      return startOwned(base, sharedBinaries, root, t0, port);
    } catch (IOException | RuntimeException | Error e) {
      OWNED_IN_THIS_JVM.remove(base);
      throw e;
    }
  }

  private static EmbeddedPostgres startOwned(Path base, Path sharedBinaries, boolean root, long t0, int port)
      throws IOException {
    FileChannel channel = FileChannel.open(base.resolve("embedded-postgres.lock"),
        StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (IOException | OverlappingFileLockException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      String owner = readAll(channel).trim();
      channel.close();
      throw new IOException("data root " + base + " is already in use by a running embedded PostgreSQL in another "
          + "process" + (owner.isEmpty() ? "" : " (" + owner + ")") + "; close it first or use another data root");
    }
    try {
      channel.truncate(0);
      channel.write(StandardCharsets.UTF_8.encode("owner pid " + ProcessHandle.current().pid() + "\n"), 0);
      EmbeddedPostgres pg = startLocked(base, sharedBinaries, root, channel, lock, t0, port);
      return pg;
    } catch (IOException | RuntimeException | Error e) {
      try {
        lock.release();
        channel.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private static EmbeddedPostgres startLocked(Path base, Path sharedBinaries, boolean root, FileChannel channel,
      FileLock lock, long t0, int preferredPort) throws IOException {
    List<String> prefix = new ArrayList<>();
    Path binaries = base.resolve("pg-" + BinaryArchive.VERSION);
    Path commandOutput = base.resolve("command-output.log");
    if (root) {
      prefix.addAll(List.of(setpriv(), "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
      Optional<Path> blocked = firstNotTraversable(base, NOBODY, NOBODY);
      if (blocked.isPresent()) {
        List<String> withCaps = new ArrayList<>(prefix);
        withCaps.addAll(List.of("--inh-caps", "+dac_read_search", "--ambient-caps", "+dac_read_search"));
        Commands probe = new Commands(withCaps, commandOutput, base);
        Commands.Result r = probe.run(Duration.ofSeconds(30), "/bin/sh", "-c", "cd -- \"$1\"", "sh", base.toString());
        if (!r.ok()) {
          throw new IOException("this process runs as root, so PostgreSQL runs as nobody (uid " + NOBODY + "), but "
              + "nobody cannot traverse " + blocked.get() + " (" + describe(blocked.get()) + ") on the way to the data "
              + "root " + base + ", and granting it CAP_DAC_READ_SEARCH did not work (" + r.output().trim() + "). "
              + "Use a data directory nobody can reach, make " + blocked.get() + " traversable (chmod o+x), run as a "
              + "non-root user, or configure a database URL.");
        }
        LOG.info("nobody cannot traverse {} on the way to {}; running PostgreSQL with CAP_DAC_READ_SEARCH and the "
            + "binaries in {}", blocked.get(), base, sharedBinaries);
        prefix = withCaps;
        binaries = sharedBinaries.toAbsolutePath().normalize();
        checkSharedBinariesDir(binaries);
      }
    }
    Commands commands = new Commands(prefix, commandOutput, base);
    int owner = root ? NOBODY : -1;

    Path pgdata = base.resolve("pgdata");
    checkExistingCluster(pgdata);

    long tUnpack = System.nanoTime();
    boolean unpacked = BinaryArchive.ensureUnpacked(binaries);
    if (unpacked) {
      LOG.info("unpacked PostgreSQL {} binaries to {} in {} ms", BinaryArchive.VERSION, binaries, millisSince(tUnpack));
    }
    if (!binaries.startsWith(base)) {
      checkSharedBinariesDir(binaries);
    }
    Path bin = binaries.resolve("bin");
    Path pgCtl = bin.resolve("pg_ctl");

    long tInit = System.nanoTime();
    if (initialiseIfNeeded(commands, bin, base, pgdata, owner, commandOutput)) {
      LOG.info("initialised PostgreSQL cluster in {} in {} ms", pgdata, millisSince(tInit));
    } else if (owner >= 0 && ownerOf(pgdata) != owner) {
      LOG.info("changing the owner of {} to uid {}", pgdata, owner);
      chownRecursively(pgdata, owner);
    }

    stopOrphan(commands, pgCtl, pgdata);

    Path logFile = base.resolve("postgresql.log");
    prepareLog(logFile, owner);

    Path socketDir = base.resolve("run");
    boolean privateSocketDir = false;
    if (!socketPathFits(socketDir)) {
      socketDir = Files.createTempDirectory("jxpg-");
      privateSocketDir = true;
    } else {
      Files.createDirectories(socketDir);
    }
    Files.setPosixFilePermissions(socketDir, PosixFiles.MODE_700);
    if (owner >= 0) {
      chown(socketDir, owner);
    }

    try {
      int port = startServer(commands, pgCtl, pgdata, socketDir, logFile, preferredPort);
      long pid = postmasterPid(pgdata).orElseThrow(() -> new IOException("pg_ctl reported a start but "
          + pgdata.resolve("postmaster.pid") + " is unreadable"));
      EmbeddedPostgres pg = new EmbeddedPostgres(base, pgdata, logFile, socketDir, privateSocketDir, commands, pgCtl,
          port, pid, channel, lock);
      Runtime.getRuntime().addShutdownHook(pg.shutdownHook);
      LOG.info("embedded PostgreSQL {} started on 127.0.0.1:{}, data in {} ({} ms)",
          BinaryArchive.MAJOR + "." + BinaryArchive.VERSION.split("\\.")[1], port, pgdata, millisSince(t0));
      return pg;
    } catch (IOException | RuntimeException e) {
      if (privateSocketDir) {
        BinaryArchive.deleteRecursively(socketDir);
      }
      throw e;
    }
  }

  /** Refuses a data directory that holds something other than a cluster of the bundled major version. */
  private static void checkExistingCluster(Path pgdata) throws IOException {
    Path versionFile = pgdata.resolve("PG_VERSION");
    if (Files.isRegularFile(versionFile)) {
      String major = Files.readString(versionFile, StandardCharsets.UTF_8).trim();
      if (!major.equals(BinaryArchive.MAJOR)) {
        throw new IOException("the cluster in " + pgdata + " was made by PostgreSQL " + major + " but the bundled "
            + "server is " + BinaryArchive.VERSION + "; upgrade it with pg_upgrade or move it away");
      }
      return;
    }
    if (Files.exists(pgdata, LinkOption.NOFOLLOW_LINKS)) {
      try (Stream<Path> s = Files.list(pgdata)) {
        if (s.findAny().isPresent()) {
          throw new IOException(pgdata + " exists and is not empty, but holds no PostgreSQL cluster (no PG_VERSION); "
              + "move it away");
        }
      }
    }
  }

  /** @return true if it ran initdb */
  private static boolean initialiseIfNeeded(Commands commands, Path bin, Path base, Path pgdata, int owner,
      Path commandOutput) throws IOException {
    if (Files.isRegularFile(pgdata.resolve("PG_VERSION"))) {
      return false;
    }
    if (Files.exists(pgdata, LinkOption.NOFOLLOW_LINKS)) {
      Files.delete(pgdata); // empty, checked by checkExistingCluster
    }
    Path tmp = base.resolve("pgdata.initdb");
    BinaryArchive.deleteRecursively(tmp);
    Files.createDirectory(tmp);
    Files.setPosixFilePermissions(tmp, PosixFiles.MODE_700);
    if (owner >= 0) {
      chown(tmp, owner);
    }
    Commands.Result r = commands.run(INITDB_TIMEOUT, bin.resolve("initdb").toString(), "-D", tmp.toString(),
        "-U", USER, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-instructions");
    if (!r.ok()) {
      throw new IOException("initdb failed (exit " + r.exitCode() + ") for " + pgdata + "; its output ("
          + commandOutput + "):\n" + Commands.tail(commandOutput, 0, 40));
    }
    Files.move(tmp, pgdata, StandardCopyOption.ATOMIC_MOVE);
    return true;
  }

  /** Stops a postmaster left running by an owner that died (we hold the lock, so it has no live owner). */
  private static void stopOrphan(Commands commands, Path pgCtl, Path pgdata) throws IOException {
    Optional<Long> pid = postmasterPid(pgdata);
    if (pid.isEmpty() || !isLivePostgres(pid.get())) {
      return;
    }
    LOG.warn("a PostgreSQL server (pid {}) left running by a previous owner that died still uses {}; stopping it",
        pid.get(), pgdata);
    Commands.Result r = commands.run(PG_CTL_TIMEOUT, pgCtl.toString(), "stop", "-D", pgdata.toString(),
        "-m", "fast", "-w", "-t", "60");
    if (!r.ok()) {
      LOG.warn("pg_ctl stop -m fast failed ({}); trying -m immediate", r.output().trim());
      r = commands.run(PG_CTL_TIMEOUT, pgCtl.toString(), "stop", "-D", pgdata.toString(), "-m", "immediate", "-w",
          "-t", "60");
    }
    if (!r.ok() || !awaitExit(pid.get(), Duration.ofSeconds(10))) {
      throw new IOException("could not stop the PostgreSQL server (pid " + pid.get() + ") left running on " + pgdata
          + ": " + r.output().trim());
    }
  }

  private static int startServer(Commands commands, Path pgCtl, Path pgdata, Path socketDir, Path logFile,
      int preferredPort) throws IOException {
    IOException last = null;
    int attempts = preferredPort > 0 ? 1 : START_ATTEMPTS;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      int port = preferredPort > 0 ? preferredPort : freePort();
      long logOffset = Files.size(logFile);
      String options = "-p " + port + " -k " + shellQuote(socketDir.toString()) + " -h 127.0.0.1";
      Commands.Result r = commands.run(PG_CTL_TIMEOUT, pgCtl.toString(), "start", "-D", pgdata.toString(),
          "-o", options, "-w", "-t", "60", "-l", logFile.toString());
      if (r.ok()) {
        return port;
      }
      String logTail = Commands.tail(logFile, logOffset, 40);
      last = new IOException("PostgreSQL failed to start on 127.0.0.1:" + port + " (pg_ctl exit " + r.exitCode()
          + ": " + r.output().trim() + ")\nlast lines of " + logFile + ":\n" + logTail);
      boolean portTaken = logTail.contains("could not bind") || logTail.contains("Address already in use");
      if (!portTaken) {
        break;
      }
      LOG.warn("port {} was taken before PostgreSQL could bind it; retrying with another port", port);
    }
    throw last;
  }

  public int port() {
    return port;
  }

  /** e.g. {@code postgresql://postgres@127.0.0.1:PORT/postgres}. */
  public String url() {
    return "postgresql://" + USER + "@127.0.0.1:" + port + "/" + DATABASE;
  }

  /** e.g. {@code jdbc:postgresql://127.0.0.1:PORT/postgres?user=postgres}. */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE + "?user=" + USER;
  }

  /** The cluster directory ({@code dataRoot/pgdata}). */
  public Path dataDirectory() {
    return dataDirectory;
  }

  /** The server log ({@code dataRoot/postgresql.log}). */
  public Path logFile() {
    return logFile;
  }

  /** The Unix socket directory the server listens in, besides 127.0.0.1. */
  public Path socketDirectory() {
    return socketDirectory;
  }

  /** Process id of the postmaster. */
  public long pid() {
    return pid;
  }

  /** Stops the server cleanly ({@code pg_ctl stop -m fast}); idempotent. Failures are logged, not thrown. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // called while the JVM shuts down: the hook is running or about to
    }
    stop();
  }

  private void closeFromShutdownHook() {
    if (closed.compareAndSet(false, true)) {
      LOG.info("JVM shutting down: stopping embedded PostgreSQL on port {}", port);
      stop();
    }
  }

  private void stop() {
    long t0 = System.nanoTime();
    try {
      long logOffset = Files.exists(logFile) ? Files.size(logFile) : 0;
      Commands.Result r = commands.run(PG_CTL_TIMEOUT, pgCtl.toString(), "stop", "-D", dataDirectory.toString(),
          "-m", "fast", "-w", "-t", "60");
      if (r.ok() && awaitExit(pid, Duration.ofSeconds(10))) {
        LOG.info("embedded PostgreSQL on port {} stopped ({} ms)", port, millisSince(t0));
      } else {
        LOG.error("stopping embedded PostgreSQL on port {} failed: {}\nlast lines of {}:\n{}", port,
            r.output().trim(), logFile, Commands.tail(logFile, logOffset, 20));
      }
    } catch (IOException e) {
      LOG.error("stopping embedded PostgreSQL on port {} failed", port, e);
    } finally {
      try {
        if (privateSocketDirectory) {
          BinaryArchive.deleteRecursively(socketDirectory);
        }
      } catch (IOException e) {
        LOG.warn("could not delete {}", socketDirectory, e);
      }
      try {
        lock.release();
        lockChannel.close();
      } catch (IOException e) {
        LOG.warn("could not release the lock on {}", dataRoot, e);
      }
      OWNED_IN_THIS_JVM.remove(dataRoot);
    }
  }

  // ---- helpers -------------------------------------------------------------------------------------------------

  /** Effective uid of this process, from {@code /proc/self/status}. */
  static int effectiveUid() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
      if (line.startsWith("Uid:")) {
        return Integer.parseInt(line.substring(4).trim().split("\\s+")[1]);
      }
    }
    throw new IOException("no Uid line in /proc/self/status");
  }

  /**
   * The first directory from {@code /} down to {@code dir} (inclusive) that a process with the given uid and gid (and
   * no supplementary groups) may not search, judging by the mode bits.
   */
  static Optional<Path> firstNotTraversable(Path dir, int uid, int gid) throws IOException {
    Path p = dir.toAbsolutePath().normalize();
    List<Path> chain = new ArrayList<>();
    for (Path q = p; q != null; q = q.getParent()) {
      chain.add(0, q);
    }
    for (Path q : chain) {
      Map<String, Object> a = Files.readAttributes(q, "unix:mode,uid,gid");
      int mode = (Integer) a.get("mode");
      int bit = ((Integer) a.get("uid")) == uid ? 0100 : ((Integer) a.get("gid")) == gid ? 0010 : 0001;
      if ((mode & bit) == 0) {
        return Optional.of(q);
      }
    }
    return Optional.empty();
  }

  private static String describe(Path p) {
    try {
      Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid");
      return String.format("mode %o, owner uid %d, gid %d", (Integer) a.get("mode") & 07777, a.get("uid"),
          a.get("gid"));
    } catch (IOException e) {
      return "unreadable attributes";
    }
  }

  /** Whether a socket {@code dir/.s.PGSQL.NNNNN} fits in {@code sun_path}. */
  static boolean socketPathFits(Path dir) {
    int bytes = dir.toString().getBytes(StandardCharsets.UTF_8).length + "/.s.PGSQL.65535".length();
    return bytes <= MAX_SOCKET_PATH_BYTES;
  }

  /** The binaries directory shared between data roots must not be modifiable by anyone but root. */
  private static void checkSharedBinariesDir(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      Optional<Path> blocked = firstNotTraversable(dir.getParent(), NOBODY, NOBODY);
      if (blocked.isPresent()) {
        throw new IOException("cannot put the PostgreSQL binaries in " + dir + ": nobody cannot traverse "
            + blocked.get());
      }
      return;
    }
    Map<String, Object> a = Files.readAttributes(dir, "unix:mode,uid", LinkOption.NOFOLLOW_LINKS);
    int mode = (Integer) a.get("mode");
    if (Files.isSymbolicLink(dir) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || (Integer) a.get("uid") != 0
        || (mode & 0022) != 0 || (mode & 0005) != 0005) {
      throw new IOException("refusing to run PostgreSQL binaries from " + dir + " (" + describe(dir) + "): it must be "
          + "a directory owned by root, readable and searchable by others, and writable only by root; remove it");
    }
  }

  private static String setpriv() throws IOException {
    for (String candidate : List.of("/usr/bin/setpriv", "/bin/setpriv", "/usr/sbin/setpriv", "/sbin/setpriv")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    throw new IOException("this process runs as root and PostgreSQL refuses to; setpriv (util-linux) is needed to run "
        + "it as nobody but was not found. Install util-linux, run as a non-root user, or configure a database URL.");
  }

  /**
   * The URL of the embedded PostgreSQL another process (a running server) has started under {@code dataRoot}, read
   * from its {@code postmaster.pid}; empty when none runs. One-off commands connect to it instead of starting one.
   */
  public static Optional<String> runningUrl(Path dataRoot) {
    Path pgdata = dataRoot.resolve("pgdata");
    try {
      List<String> lines = Files.readAllLines(pgdata.resolve("postmaster.pid"), StandardCharsets.UTF_8);
      if (lines.size() < 4 || !isLivePostgres(Long.parseLong(lines.get(0).trim()))) {
        return Optional.empty();
      }
      return Optional.of("postgresql://" + USER + "@127.0.0.1:" + Integer.parseInt(lines.get(3).trim()) + "/" + DATABASE);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  static Optional<Long> postmasterPid(Path pgdata) {
    try {
      List<String> lines = Files.readAllLines(pgdata.resolve("postmaster.pid"), StandardCharsets.UTF_8);
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * pg_ctl stop returns once postmaster.pid is gone, which the postmaster removes just before it exits; wait for the
   * exit itself so that "closed" means the process is gone.
   */
  private static boolean awaitExit(long pid, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (isLivePostgres(pid)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return !isLivePostgres(pid);
      }
    }
    return true;
  }

  /** Whether {@code pid} is a running (not zombie) process whose command line mentions postgres. */
  static boolean isLivePostgres(long pid) {
    if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      return false;
    }
    try {
      String cmdline = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
          StandardCharsets.UTF_8);
      return cmdline.contains("postgres");
    } catch (IOException e) {
      return false;
    }
  }

  private static void prepareLog(Path logFile, int owner) throws IOException {
    if (Files.exists(logFile) && Files.size(logFile) > LOG_ROTATE_BYTES) {
      Files.move(logFile, logFile.resolveSibling(logFile.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
    }
    if (!Files.exists(logFile)) {
      Files.createFile(logFile);
      Files.setPosixFilePermissions(logFile, PosixFiles.MODE_600);
    }
    if (owner >= 0) {
      chown(logFile, owner);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  private static int ownerOf(Path p) throws IOException {
    return (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
  }

  private static void chown(Path p, int uid) throws IOException {
    Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
    Files.setAttribute(p, "unix:gid", uid, LinkOption.NOFOLLOW_LINKS);
  }

  private static void chownRecursively(Path dir, int uid) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        chown(p, uid);
      }
    }
  }

  static String shellQuote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static String readAll(FileChannel channel) {
    try {
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(256);
      channel.read(buf, 0);
      buf.flip();
      return StandardCharsets.UTF_8.decode(buf).toString();
    } catch (IOException e) {
      return "";
    }
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
