package org.darkflight.io.workbook;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shipped legacy test files are. */
final class LegacyTestFiles {

  /** Repository root (tests run in a module directory). */
  static final Path REPO = findRepo();
  /** The Park Forest 2003 v.42 workbook. */
  static final Path PARK_FOREST =
      REPO.resolve("testdata/legacy/park-forest-2003-jormungandr-v42.xlsx");

  private LegacyTestFiles() {}

  private static Path findRepo() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("testdata/legacy"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("testdata/legacy not found above the working directory");
    }
    return p;
  }
}
