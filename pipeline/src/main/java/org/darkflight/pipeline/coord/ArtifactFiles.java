package org.darkflight.pipeline.coord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.Hashing;

/**
 * The bytes of an artifact on disk: a file, or for a {@link ArtifactId#directory() directory}
 * artifact (e.g. {@code trajectories/}) the regular files directly inside it.
 */
final class ArtifactFiles {

  private ArtifactFiles() {}

  /** Whether the artifact is present at {@code p}: a regular file, or a directory with files. */
  static boolean exists(ArtifactId a, Path p) {
    if (!a.directory()) {
      return Files.isRegularFile(p);
    }
    try {
      return Files.isDirectory(p) && !files(p).isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The SHA-256 of an artifact: of a file, its bytes; of a directory, the bytes of the lines
   * {@code <sha256>  <name>\n} of its files in name order (the form of {@code sha256sum}'s
   * output, so {@code (cd DIR && sha256sum * | sha256sum)} gives the same hash).
   */
  static String sha256(ArtifactId a, Path p) throws IOException {
    if (!a.directory()) {
      return Hashing.sha256Hex(p);
    }
    StringBuilder lines = new StringBuilder();
    for (Path f : files(p)) {
      lines.append(Hashing.sha256Hex(f)).append("  ").append(f.getFileName()).append('\n');
    }
    return Hashing.sha256Hex(lines.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The regular files directly in {@code dir}, in name order (hidden temporary files left out). */
  static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(f -> Files.isRegularFile(f) && !AtomicFiles.isTempFile(f))
          .sorted((x, y) -> x.getFileName().toString().compareTo(y.getFileName().toString()))
          .toList();
    }
  }

  /**
   * Makes {@code target} hold the bytes of {@code source}: a file is written atomically unless
   * the same bytes are there; a directory's files likewise, one by one, and files of an earlier
   * run that {@code source} no longer has are deleted.
   */
  static void copy(ArtifactId a, Path source, Path target) throws IOException {
    if (!a.directory()) {
      writeIfChanged(target, Files.readAllBytes(source));
      return;
    }
    Files.createDirectories(target);
    TreeMap<String, Path> wanted = new TreeMap<>();
    for (Path f : files(source)) {
      wanted.put(f.getFileName().toString(), f);
    }
    for (Path old : files(target)) {
      if (!wanted.containsKey(old.getFileName().toString())) {
        Files.delete(old);
      }
    }
    for (Path f : wanted.values()) {
      writeIfChanged(target.resolve(f.getFileName().toString()), Files.readAllBytes(f));
    }
  }

  /** Deletes an artifact (a file, or a directory and its files); nothing when absent. */
  static void delete(ArtifactId a, Path p) throws IOException {
    if (a.directory()) {
      if (Files.isDirectory(p)) {
        org.darkflight.io.FileTrees.delete(p);
      }
    } else {
      Files.deleteIfExists(p);
    }
  }

  private static void writeIfChanged(Path target, byte[] bytes) throws IOException {
    if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
      return;
    }
    AtomicFiles.write(target, bytes);
  }
}
