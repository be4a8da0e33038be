package org.darkflight.pipeline.coord;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The storage layout of docs/outputs.md under a project root, and the artifact naming
 * {@code <event_id>__<artifact>__v<major>.<ext>}.
 *
 * <pre>
 * project_root/
 *   data/events/&lt;id&gt;/raw/         inputs as delivered
 *   data/events/&lt;id&gt;/processed/   normalized inputs
 *   artifacts/&lt;id&gt;/{atmos,physics,sim,ensemble,geo,validation}/
 *   cache/&lt;stage&gt;/&lt;key&gt;/      one finished stage execution
 *   logs/
 * </pre>
 *
 * @param root    the project root
 * @param eventId the event id (the event directory's name)
 */
public record ProjectLayout(Path root, String eventId) {

  /** Artifact areas under {@code artifacts/<id>/}. */
  public static final java.util.List<String> AREAS =
      java.util.List.of("atmos", "physics", "sim", "ensemble", "geo", "validation");

  /** Checks the event id can be a directory and file name part. */
  public ProjectLayout {
    if (!eventId.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || eventId.contains("__")) {
      throw new IllegalArgumentException("event id '" + eventId
          + "' must be letters, digits, '.', '-', '_' (no '__'), starting with a letter or digit");
    }
    root = root.toAbsolutePath().normalize();
  }

  /** {@code data/events/<id>}. */
  public Path eventDir() {
    return root.resolve("data").resolve("events").resolve(eventId);
  }

  /** Raw inputs: {@code data/events/<id>/raw}, or the event directory itself without one. */
  public Path rawDir() {
    Path raw = eventDir().resolve("raw");
    return Files.isDirectory(raw) ? raw : eventDir();
  }

  /** {@code data/events/<id>/processed}. */
  public Path processedDir() {
    return eventDir().resolve("processed");
  }

  /** {@code artifacts/<id>/<area>} ({@code area} empty: the event's artifact root). */
  public Path artifacts(String area) {
    Path a = root.resolve("artifacts").resolve(eventId);
    return area.isEmpty() ? a : a.resolve(area);
  }

  /** {@code cache/}. */
  public Path cacheDir() {
    return root.resolve("cache");
  }

  /** {@code logs/}. */
  public Path logsDir() {
    return root.resolve("logs");
  }

  /** {@code <event_id>__<artifact>__v<major>.<ext>}. */
  public String name(String artifact, int major, String ext) {
    return eventId + "__" + artifact + "__v" + major + "." + ext;
  }
}
