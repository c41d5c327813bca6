package io.jiangxin.embeddedpg;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link EmbeddedPostgresTest}: starts PostgreSQL on the data root given as argument, prints
 * {@code READY <port> <postmaster pid>} and waits to be killed (with SIGKILL, so no shutdown hook runs), or, with a
 * second argument {@code exit}, exits at once without closing it.
 */
public final class CrashingOwner {
  private CrashingOwner() {}

  public static void main(String[] args) throws Exception {
    EmbeddedPostgres pg = EmbeddedPostgres.start(Path.of(args[0]));
    long pid = EmbeddedPostgres.postmasterPid(pg.dataDirectory()).orElseThrow();
    System.out.println("READY " + pg.port() + " " + pid);
    System.out.flush();
    if (args.length > 1 && args[1].equals("exit")) {
      System.exit(0); // without close(): the shutdown hook must stop the server
    }
    Thread.sleep(Long.MAX_VALUE);
  }
}
