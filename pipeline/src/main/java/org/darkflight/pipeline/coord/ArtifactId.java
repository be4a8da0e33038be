package org.darkflight.pipeline.coord;

import java.nio.file.Path;

/**
 * The logical artifacts of an event, each by its role name (as written in the cache keys, the
 * stage records and the provenance graph), and where it lives in the {@link ProjectLayout}:
 * {@code raw.*} are the user's inputs (fixed file names in the raw directory), the others follow
 * {@code <event_id>__<artifact>__v<major>.<ext>}. A stage reads and writes them through
 * {@link Stage.Port}s, which say whether one may be absent.
 */
public enum ArtifactId {
  RAW_EVENT("raw.event", "raw", "event.json", 1, "json", "event"),
  RAW_ATMOS("raw.atmos", "raw", "atmos_profile.json", 1, "json", "atmos_profile"),
  RAW_PHYSICS("raw.physics", "raw", "physics_config.json", 1, "json", "physics_config"),
  RAW_FRAGMENTS("raw.fragments", "raw", "fragments.json", 1, "json", "fragments"),
  RAW_ENSEMBLE("raw.ensemble", "raw", "ensemble_config.json", 1, "json", "ensemble_config"),
  RAW_VALIDATION("raw.validation", "raw", "validation_spec.json", 1, "json",
      "validation_spec"),
  /** Raw atmospheric sources (docs/operations.md): radiosondes, UWyo pages or JSON. */
  RAW_RADIOSONDE("raw.radiosonde", "raw", "radiosonde", 1, "dir", null),
  /** Raw atmospheric sources: weather-model netCDF files (ERA5, GFS, HRRR). */
  RAW_MODEL("raw.model_reanalysis", "raw", "model_reanalysis", 1, "dir", null),
  /** Raw atmospheric sources: radar winds (VAD JSON, NEXRAD NVW or Level II). */
  RAW_VAD("raw.radar_vad", "raw", "radar_vad", 1, "dir", null),
  RAW_RADAR_METADATA("raw.radar_metadata", "raw", "radar_metadata.json", 1, "json",
      "radar_metadata"),
  EVENT("event", "processed", "event", 1, "json", "event"),
  FRAGMENTS("fragments", "processed", "fragments", 1, "json", "fragments"),
  ENSEMBLE_CONFIG("ensemble_config", "processed", "ensemble_config", 1, "json",
      "ensemble_config"),
  ATMOS_PROFILE("atmos_profile", "atmos", "atmos_profile", 1, "json", "atmos_profile"),
  VERTICAL_GRID("vertical_grid", "atmos", "vertical_grid", 1, "json", "vertical_grid"),
  WIND_PROFILE("wind_profile_compiled", "atmos", "wind_profile_compiled", 1, "json",
      "wind_profile_compiled"),
  ATMOS_QC("atmos_qc", "atmos", "atmos_qc", 1, "json", "atmos_qc"),
  PHYSICS_CONFIG("physics_config", "physics", "physics_config", 1, "json", "physics_config"),
  MODEL_MANIFEST("model_manifest", "physics", "model_manifest", 1, "json", "model_manifest"),
  RUN_MANIFEST("run_manifest", "sim", "run_manifest", 1, "json", "output_manifest"),
  /**
   * A directory, {@code artifacts/<id>/sim/<id>__trajectories__v1/}, of one
   * {@code <fragment_id>.json} per nominal fragment (schema {@code trajectory}), as
   * {@code darkflight run} writes them into {@code trajectories/}.
   */
  TRAJECTORIES("trajectories", "sim", "trajectories", 1, "dir", "trajectory"),
  ENSEMBLE_MANIFEST("ensemble_manifest", "ensemble", "ensemble_manifest", 1, "json",
      "ensemble_manifest"),
  UNCERTAINTY_ELLIPSES("uncertainty_ellipses", "ensemble", "uncertainty_ellipses", 1, "geojson",
      null),
  STREWN_FIELD_POINTS("strewn_field_points", "geo", "strewn_field_points", 1, "geojson", null),
  STREWN_FIELD_KML("strewn_field_kml", "geo", "strewn_field", 1, "kml", null),
  STREWN_FIELD_KMZ("strewn_field_kmz", "geo", "strewn_field", 1, "kmz", null),
  VALIDATION_STATUS("validation_status", "validation", "validation_status", 1, "json",
      "validation_status"),
  VALIDATION_REPORT("validation_report", "validation", "validation_report", 1, "md", null),
  PROVENANCE_GRAPH("provenance_graph", "", "provenance_graph", 1, "json", "provenance_graph"),
  PROVENANCE_DOT("provenance_dot", "", "provenance_graph", 1, "dot", null),
  OUTPUT_MANIFEST("output_manifest", "", "output_manifest", 1, "json", "output_manifest");

  private static final String RAW_AREA = "raw";

  /** The "extension" of an artifact that is a directory of JSON documents. */
  private static final String DIRECTORY = "dir";

  private final String role;
  private final String area;
  private final String artifact;
  private final int major;
  private final String ext;
  private final String schema;

  /**
   * @param role     the role name
   * @param area     {@code raw}, {@code processed}, an artifact area or "" (the artifact root)
   * @param artifact the artifact name in the file name (or the raw file name)
   * @param major    schema major version
   * @param ext      extension, or {@value #DIRECTORY} for a directory of JSON documents
   * @param schema   schema name for JSON artifacts (of each document of a directory), else null
   */
  ArtifactId(String role, String area, String artifact, int major, String ext, String schema) {
    this.role = role;
    this.area = area;
    this.artifact = artifact;
    this.major = major;
    this.ext = ext;
    this.schema = schema;
  }

  /** The role name, e.g. {@code raw.atmos} or {@code atmos_profile}. */
  public String role() {
    return role;
  }

  /** Whether this is one of the user's inputs. */
  public boolean raw() {
    return area.equals(RAW_AREA);
  }

  /** The file extension, e.g. {@code json} ({@code json} for each file of a directory). */
  public String ext() {
    return directory() ? "json" : ext;
  }

  /**
   * Whether the artifact is a directory of JSON documents (its hash: see
   * {@link ArtifactFiles#sha256}).
   */
  public boolean directory() {
    return DIRECTORY.equals(ext);
  }

  /** The schema name of a JSON artifact, or null. */
  public String schema() {
    return schema;
  }

  /** The schema version, e.g. {@code 1.0}. */
  public String schemaVersion() {
    return major + ".0";
  }

  /** The file name of a produced artifact (the raw file name for raw inputs). */
  public String fileName(ProjectLayout layout) {
    if (raw()) {
      return artifact;
    }
    return directory() ? layout.eventId() + "__" + artifact + "__v" + major
        : layout.name(artifact, major, ext);
  }

  /** The artifact's file in the layout. */
  public Path path(ProjectLayout layout) {
    return switch (area) {
      case RAW_AREA -> layout.rawDir().resolve(artifact);
      case "processed" -> layout.processedDir().resolve(fileName(layout));
      default -> layout.artifacts(area).resolve(fileName(layout));
    };
  }

  /** A port that must be present. */
  public Stage.Port required() {
    return new Stage.Port(this, false);
  }

  /** A port that may be absent. */
  public Stage.Port optional() {
    return new Stage.Port(this, true);
  }

  /** The artifact of a role name. */
  public static ArtifactId ofRole(String role) {
    for (ArtifactId a : values()) {
      if (a.role.equals(role)) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown artifact " + role);
  }
}
