package org.darkflight.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes files so that a reader never sees half of one: the content goes to a temporary file in
 * the same directory, which is then moved into place (atomically where the file system can).
 */
public final class AtomicFiles {

  /** Writes the content of one output stream. */
  @FunctionalInterface
  public interface StreamWriter {
    void write(OutputStream out) throws IOException;
  }

  /**
   * Name of a temporary file made by {@link #write(Path, StreamWriter)}: {@code .<target
   * name>.<random digits>.tmp}. Only a process killed between creating and moving it leaves one.
   */
  private static final Pattern TEMP_NAME = Pattern.compile("\\..+\\.-?[0-9]+\\.tmp");

  private AtomicFiles() {}

  /** Whether {@code file}'s name is that of a temporary file of {@link #write}. */
  public static boolean isTempFile(Path file) {
    Path name = file.getFileName();
    return name != null && TEMP_NAME.matcher(name.toString()).matches();
  }

  /**
   * Deletes the temporary files of {@link #write} left under {@code dir} (recursively) by a
   * process that was killed mid-write. Call it only while no other writer can be active there.
   *
   * @return the files deleted
   */
  public static List<Path> sweepStale(Path dir) throws IOException {
    return sweepStale(dir, "");
  }

  /**
   * As {@link #sweepStale(Path)}, for the temporary files of targets whose name starts with
   * {@code targetPrefix} only (for a directory that several writers share).
   */
  public static List<Path> sweepStale(Path dir, String targetPrefix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> stale;
    try (Stream<Path> s = Files.walk(dir)) {
      stale = s.filter(p -> isTempFile(p) && Files.isRegularFile(p)
          && p.getFileName().toString().startsWith("." + targetPrefix)).sorted().toList();
    }
    for (Path p : stale) {
      Files.deleteIfExists(p);
    }
    return stale;
  }

  /** Writes {@code bytes} to {@code target}, creating parent directories. */
  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }

  /** Writes what {@code writer} produces to {@code target}, creating parent directories. */
  public static void write(Path target, StreamWriter writer) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    WriteBoundaries.reached("write " + absolute);
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
    try {
      // createTempFile makes the file owner-only; outputs are ordinary files others may read.
      if (Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      }
      try (OutputStream out = Files.newOutputStream(tmp)) {
        writer.write(out);
      }
      WriteBoundaries.reached("rename " + tmp + " to " + absolute);
      try {
        Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
