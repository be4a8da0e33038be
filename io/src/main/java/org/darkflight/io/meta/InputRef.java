package org.darkflight.io.meta;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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

  /** Lower-case hex SHA-256 of a file's bytes. */
  public static String sha256(Path file) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM provides SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
