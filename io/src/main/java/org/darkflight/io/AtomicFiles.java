package org.darkflight.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

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

  private AtomicFiles() {}

  /** Writes {@code bytes} to {@code target}, creating parent directories. */
  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }

  /** Writes what {@code writer} produces to {@code target}, creating parent directories. */
  public static void write(Path target, StreamWriter writer) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
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
