package org.darkflight.pipeline.coord;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The logical artifacts of an event and where each lives in the {@link ProjectLayout}:
 * {@code raw.*} are the user's inputs (fixed file names in the raw directory), the others follow
 * {@code <event_id>__<artifact>__v<major>.<ext>}.
 */
public final class Artifacts {

  /**
   * Where a logical artifact lives.
   *
   * @param area     {@code raw}, {@code processed}, an artifact area or "" (artifact root)
   * @param artifact artifact name in the file name (or the raw file name)
   * @param major    schema major version
   * @param ext      extension
   * @param schema   schema name for JSON artifacts with one, else null
   */
  public record Spec(String area, String artifact, int major, String ext, String schema) {}

  /** Every known artifact by logical name. */
  public static final Map<String, Spec> ALL = new LinkedHashMap<>();

  static {
    ALL.put("raw.event", new Spec("raw", "event.json", 1, "json", "event"));
    ALL.put("raw.atmos", new Spec("raw", "atmos_profile.json", 1, "json", "atmos_profile"));
    ALL.put("raw.physics", new Spec("raw", "physics_config.json", 1, "json", "physics_config"));
    ALL.put("raw.fragments", new Spec("raw", "fragments.json", 1, "json", "fragments"));
    ALL.put("raw.ensemble", new Spec("raw", "ensemble_config.json", 1, "json",
        "ensemble_config"));
    ALL.put("raw.validation", new Spec("raw", "validation_spec.json", 1, "json",
        "validation_spec"));
    ALL.put("event", new Spec("processed", "event", 1, "json", "event"));
    ALL.put("fragments", new Spec("processed", "fragments", 1, "json", "fragments"));
    ALL.put("ensemble_config", new Spec("processed", "ensemble_config", 1, "json",
        "ensemble_config"));
    ALL.put("atmos_profile", new Spec("atmos", "atmos_profile", 1, "json", "atmos_profile"));
    ALL.put("physics_config", new Spec("physics", "physics_config", 1, "json",
        "physics_config"));
    ALL.put("model_manifest", new Spec("physics", "model_manifest", 1, "json",
        "model_manifest"));
    ALL.put("run_manifest", new Spec("sim", "run_manifest", 1, "json", "output_manifest"));
    ALL.put("ensemble_manifest", new Spec("ensemble", "ensemble_manifest", 1, "json",
        "ensemble_manifest"));
    ALL.put("uncertainty_ellipses", new Spec("ensemble", "uncertainty_ellipses", 1, "geojson",
        null));
    ALL.put("strewn_field_points", new Spec("geo", "strewn_field_points", 1, "geojson", null));
    ALL.put("strewn_field_kml", new Spec("geo", "strewn_field", 1, "kml", null));
    ALL.put("strewn_field_kmz", new Spec("geo", "strewn_field", 1, "kmz", null));
    ALL.put("validation_status", new Spec("validation", "validation_status", 1, "json",
        "validation_status"));
    ALL.put("validation_report", new Spec("validation", "validation_report", 1, "md", null));
    ALL.put("provenance_graph", new Spec("", "provenance_graph", 1, "json",
        "provenance_graph"));
    ALL.put("provenance_dot", new Spec("", "provenance_graph", 1, "dot", null));
    ALL.put("output_manifest", new Spec("", "output_manifest", 1, "json", "output_manifest"));
  }

  private Artifacts() {}

  /** The spec of a logical artifact. */
  public static Spec spec(String name) {
    Spec s = ALL.get(name);
    if (s == null) {
      throw new IllegalArgumentException("unknown artifact " + name);
    }
    return s;
  }

  /** The file of a logical artifact in the layout. */
  public static Path path(ProjectLayout layout, String name) {
    Spec s = spec(name);
    return switch (s.area()) {
      case "raw" -> layout.rawDir().resolve(s.artifact());
      case "processed" -> layout.processedDir().resolve(fileName(layout, name));
      default -> layout.artifacts(s.area()).resolve(fileName(layout, name));
    };
  }

  /** The file name of a produced artifact (the raw file name for raw inputs). */
  public static String fileName(ProjectLayout layout, String name) {
    Spec s = spec(name);
    return s.area().equals("raw") ? s.artifact() : layout.name(s.artifact(), s.major(), s.ext());
  }
}
