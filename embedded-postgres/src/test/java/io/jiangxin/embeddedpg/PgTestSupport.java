package io.jiangxin.embeddedpg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Helpers shared by the integration tests. */
final class PgTestSupport {
  private PgTestSupport() {}

  static String queryOne(EmbeddedPostgres pg, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      if (!rs.next()) {
        throw new SQLException("no row from " + sql);
      }
      return rs.getString(1);
    }
  }

  static void execute(EmbeddedPostgres pg, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl());
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** The {@code Uid:} line of /proc/PID/status: real, effective, saved, filesystem. */
  static List<Integer> uids(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
      if (line.startsWith("Uid:")) {
        List<Integer> ids = new ArrayList<>();
        for (String f : line.substring(4).trim().split("\\s+")) {
          ids.add(Integer.parseInt(f));
        }
        return ids;
      }
    }
    throw new IOException("no Uid line for " + pid);
  }

  /** A hexadecimal capability set line (CapAmb, CapEff, ...) of /proc/PID/status. */
  static long capabilities(long pid, String name) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
      if (line.startsWith(name + ":")) {
        return Long.parseUnsignedLong(line.substring(name.length() + 1).trim(), 16);
      }
    }
    throw new IOException("no " + name + " line for " + pid);
  }

  /** Local addresses (hex, as in /proc/net/tcp{,6}) of sockets listening on {@code port}. */
  static List<String> listeningAddresses(String procFile, int port) throws IOException {
    List<String> out = new ArrayList<>();
    Path p = Path.of(procFile);
    if (!Files.exists(p)) {
      return out;
    }
    String portHex = String.format(":%04X", port);
    for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
      String[] f = line.trim().split("\\s+");
      if (f.length > 3 && f[1].endsWith(portHex) && f[3].equals("0A")) {
        out.add(f[1].substring(0, f[1].length() - portHex.length()));
      }
    }
    return out;
  }

  /** Whether {@code pid} exists and is not a zombie (state from /proc/PID/stat). */
  static boolean alive(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
      char state = stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
      return state != 'Z' && state != 'X';
    } catch (IOException e) {
      return false;
    }
  }

  static void deleteTree(Path dir) throws IOException {
    BinaryArchive.deleteRecursively(dir);
  }
}
