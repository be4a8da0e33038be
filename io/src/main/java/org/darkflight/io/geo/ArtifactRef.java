package org.darkflight.io.geo;

import java.util.regex.Pattern;

/**
 * An input or output artifact named in provenance.
 *
 * @param path    path relative to the run directory (or as given by the user)
 * @param sha256  SHA-256 of the file content, 64 lower-case hex digits
 */
public record ArtifactRef(String path, String sha256) {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public ArtifactRef {
    Checks.text("path", path);
    Checks.present("sha256", sha256);
    if (!SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException(
          "sha256 must be 64 lower-case hex digits, got '" + sha256 + "'");
    }
  }
}
