package org.darkflight.analysis.atmos;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository's {@code testdata/} from the module's working directory. */
final class TestFiles {

  private TestFiles() {}

  static Path path(String relative) {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      Path candidate = p.resolve("testdata").resolve(relative);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("testdata/" + relative + " not found above " + here);
  }
}
