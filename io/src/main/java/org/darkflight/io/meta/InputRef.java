package org.darkflight.io.meta;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import org.darkflight.io.Hashing;

/**
 * An input an artifact was derived from: its path (as the user named it) and the SHA-256 of its
 * bytes (spec §6 {@code meta.inputs}).
 *
 * @param path   path or file name
 * @param sha256 lower-case hex SHA-256 of the content
 */
public record InputRef(@JsonProperty("path") String path, @JsonProperty("sha256") String sha256) {

  public InputRef {
    if (path == null || path.isEmpty()) {
      throw new IllegalArgumentException("input path must be given");
    }
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits: " + sha256);
    }
  }

  /**
   * Hashes a file; {@code name} is what is recorded as its path (e.g. the file name only, so that
   * the artifact does not depend on the directory it was run from).
   */
  public static InputRef of(Path file, String name) throws IOException {
    return new InputRef(name, sha256(file));
  }

  /** Lower-case hex SHA-256 of a file's bytes ({@link Hashing#sha256Hex(Path)}). */
  public static String sha256(Path file) throws IOException {
    return Hashing.sha256Hex(file);
  }
}
