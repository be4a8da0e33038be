package org.darkflight.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Whole directory trees: the work directories of runs and stages. */
public final class FileTrees {

  private FileTrees() {}

  /**
   * Deletes {@code dir} and everything below it, deepest first; nothing when it does not exist.
   * Symbolic links are deleted, not followed.
   */
  public static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
