package org.darkflight.io.meta;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The {@code producer} written into the canonical {@code meta} block of every artifact, and the
 * build's provenance: the project version and git commit that {@code tools/BuildCommit.java}
 * records in {@code build.properties} at build time.
 */
public final class Producer {

  /** Name and version of the producing program. */
  public static final String NAME = "darkflight 0.1.0";
  /** {@link #gitCommit()} of a build made outside a git checkout (or without git). */
  public static final String UNKNOWN_COMMIT = "unknown";

  private static final Properties BUILD = load();

  private Producer() {}

  /**
   * The git commit the code was built from: 40 hex digits, with {@code -dirty} appended when
   * tracked files differed from it, or {@link #UNKNOWN_COMMIT} when built outside a git
   * checkout.
   */
  public static String gitCommit() {
    String c = BUILD.getProperty("git.commit");
    return c == null || c.isBlank() ? UNKNOWN_COMMIT : c.trim();
  }

  /** The Maven project version of the build, or null when the build recorded none. */
  public static String projectVersion() {
    return BUILD.getProperty("project.version");
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = Producer.class.getResourceAsStream("build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read build.properties from the jar", e);
    }
    return p;
  }
}
