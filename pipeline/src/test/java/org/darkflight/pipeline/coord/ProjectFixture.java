package org.darkflight.pipeline.coord;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.darkflight.io.InputException;

/** A copy of {@code testdata/project} in a temporary directory, and helpers. */
final class ProjectFixture {

  static final String EVENT = "synthetic-calm";
  static final Instant CREATED = Instant.parse("2024-01-01T00:00:00Z");

  private ProjectFixture() {}

  static Path source() {
    Path p = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(p.resolve("testdata/project"))) {
      p = p.getParent();
    }
    return p.resolve("testdata/project");
  }

  static Path copy(Path into) throws IOException {
    Path src = source();
    try (Stream<Path> s = Files.walk(src)) {
      for (Path f : s.toList()) {
        Path t = into.resolve(src.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(t);
        } else {
          Files.copy(f, t);
        }
      }
    }
    return into;
  }

  static Path eventDir(Path root) {
    return root.resolve("data/events").resolve(EVENT);
  }

  static Coordinator.Result process(Path root, boolean dryRun, String... sets)
      throws IOException, InputException {
    return EventProcessor.process(eventDir(root), new EventProcessor.Options(root, null,
        List.of(sets), CREATED, dryRun, Map.of()), new PrintWriter(new StringWriter()));
  }

  /** Every file under artifacts/ and data/events/&lt;id&gt;/processed, by relative path. */
  static Map<String, byte[]> outputs(Path root) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    for (Path dir : List.of(root.resolve("artifacts"), eventDir(root).resolve("processed"))) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path f : s.filter(Files::isRegularFile).toList()) {
          out.put(root.relativize(f).toString(), Files.readAllBytes(f));
        }
      }
    }
    return out;
  }

  static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
