package org.darkflight.io.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.InputException;
import org.darkflight.io.json.Binding;
import org.darkflight.io.json.DeclaredOrderJson;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;

/**
 * {@code output_manifest.json} (schema {@code schemas/output_manifest.schema.json}, docs/outputs.md):
 * every artifact of a run with its path (relative to the output directory, or to the project
 * root for {@code darkflight process}), SHA-256, type and size, the KML summary, the provenance
 * hash, the run summary and, once {@code darkflight validate --run-dir} has judged the run, the
 * verdict. Written canonically (sorted keys) by {@link #write(Path)}.
 *
 * @param schema         {@link #SCHEMA_ID}
 * @param eventId        the event
 * @param producedUtc    production time, ISO-8601 UTC
 * @param artifacts      the artifacts, in the order they were written
 * @param kmlSummary     placemarks and ellipses in the KML, or null when no KML was written
 * @param provenanceHash SHA-256 of the stage version and every input's role and SHA-256
 * @param run            what was run: an ensemble run or a {@code process} stage list
 * @param validation     the verdict of {@code darkflight validate}, or null before it
 * @param meta           the canonical meta block (docs/outputs.md): schema version, product, time,
 *                       producer, event, inputs with their SHA-256
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record OutputManifestDocument(
    @JsonProperty("$schema") String schema,
    @JsonProperty("event_id") String eventId,
    @JsonProperty("produced_utc") String producedUtc,
    @JsonProperty("artifacts") List<Artifact> artifacts,
    @JsonProperty("kml_summary") KmlSummary kmlSummary,
    @JsonProperty("provenance_hash") String provenanceHash,
    @JsonProperty("run") RunSection run,
    @JsonProperty("validation") Validation validation,
    @JsonProperty("meta") org.darkflight.io.meta.CanonicalMeta meta) {

  /** Version of the schema, written as {@code meta.schema_version}. */
  public static final String SCHEMA_VERSION = "1.1.0";

  /** File name in a run's output directory. */
  public static final String FILE = "output_manifest.json";
  /** Schema name. */
  public static final String SCHEMA = "output_manifest";
  /** Schema {@code $id}. */
  public static final String SCHEMA_ID =
      "https://darkflight.org/schemas/output_manifest.schema.json";

  public OutputManifestDocument {
    artifacts = artifacts == null ? null : List.copyOf(artifacts);
  }

  /**
   * One artifact.
   *
   * @param path   relative path
   * @param sha256 lower-case hex SHA-256 of the bytes
   * @param type   geojson, kml, kmz, json, md, dot, html, geotiff or png
   * @param bytes  size, bytes
   */
  @JsonPropertyOrder(alphabetic = true)
  public record Artifact(
      @JsonProperty("path") String path,
      @JsonProperty("sha256") String sha256,
      @JsonProperty("type") String type,
      @JsonProperty("bytes") long bytes) {}

  /**
   * The KML's content.
   *
   * @param features placemarks: representative landing points plus ellipses (count)
   * @param ellipses ellipse placemarks (count)
   */
  @JsonPropertyOrder(alphabetic = true)
  public record KmlSummary(
      @JsonProperty("features") int features,
      @JsonProperty("ellipses") int ellipses) {}

  /**
   * The {@code run} object: an ensemble run ({@link EnsembleRunSummary}) or the stages of a
   * {@code darkflight process} ({@link ProcessRunSummary}), told apart by their fields.
   */
  @JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
  @JsonSubTypes({@JsonSubTypes.Type(EnsembleRunSummary.class),
      @JsonSubTypes.Type(ProcessRunSummary.class)})
  public sealed interface RunSection permits EnsembleRunSummary, ProcessRunSummary {}

  /**
   * What an ensemble run did.
   *
   * @param samples        samples run (count)
   * @param landed         samples that landed (count)
   * @param failed         samples that failed (count)
   * @param failureReasons failed samples by reason (count), sorted by reason
   * @param sampling       sampling strategy
   * @param mode           {@code monte_carlo} or {@code mass_grid}
   * @param randomSeed     the ensemble's random seed
   * @param inputs         the input files by role, with their SHA-256
   * @param physicsMethod  the method every sample landed with, in one line: the integration
   *                       (drag model, integrator) or the legacy method and what it used
   * @param inputWarnings  warnings of the checks before the run (docs/inputs.md), or null
   * @param fragmentsDerived how the fragments were derived without a fragments file, or null
   * @param status         {@code complete}, or {@code failed} when the failure share exceeded
   *                       the limit (the artifacts are written but must not be used)
   * @param failureShare    failed / samples (1), 0 for an empty run
   * @param maxFailureShare the limit the run was held to ({@code --max-failure-share}) (1)
   * @param heights        the datum of every height: of the inputs, of integration and of the
   *                       outputs (landing heights), and the ground used; null when unknown
   */
  @JsonPropertyOrder(alphabetic = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record EnsembleRunSummary(
      @JsonProperty("samples") Long samples,
      @JsonProperty("landed") Long landed,
      @JsonProperty("failed") Long failed,
      @JsonProperty("failure_reasons") SortedMap<String, Long> failureReasons,
      @JsonProperty("sampling") String sampling,
      @JsonProperty("mode") String mode,
      @JsonProperty("random_seed") Long randomSeed,
      @JsonProperty("inputs") List<RoleInput> inputs,
      @JsonProperty("physics_method") String physicsMethod,
      @JsonProperty("input_warnings") List<String> inputWarnings,
      @JsonProperty("fragments_derived") String fragmentsDerived,
      @JsonProperty("status") String status,
      @JsonProperty("failure_share") Double failureShare,
      @JsonProperty("max_failure_share") Double maxFailureShare,
      @JsonProperty("heights") org.darkflight.io.geoid.VerticalDatum.Note heights)
      implements RunSection {

    /** Status of a run whose failure share is within its limit. */
    public static final String COMPLETE = "complete";
    /** Status of a run whose failure share exceeded its limit. */
    public static final String FAILED = "failed";

    public EnsembleRunSummary {
      failureReasons = failureReasons == null ? null : new TreeMap<>(failureReasons);
      inputs = inputs == null ? null : List.copyOf(inputs);
      inputWarnings = inputWarnings == null || inputWarnings.isEmpty() ? null
          : List.copyOf(inputWarnings);
    }

    /** A summary without input warnings and derived fragments. */
    public EnsembleRunSummary(Long samples, Long landed, Long failed,
        SortedMap<String, Long> failureReasons, String sampling, String mode, Long randomSeed,
        List<RoleInput> inputs) {
      this(samples, landed, failed, failureReasons, sampling, mode, randomSeed, inputs, null,
          null, null, null, null, null, null);
    }

    /** Failure counts by reason, as written (null when absent). */
    public Map<String, Long> failureReasonsOrEmpty() {
      return failureReasons == null ? Map.of() : failureReasons;
    }
  }

  /**
   * An input file of a run.
   *
   * @param role   event, atmos, config, fragments, ensemble or calibrated_params
   * @param path   the path as given
   * @param sha256 lower-case hex SHA-256 of its bytes
   */
  @JsonPropertyOrder(alphabetic = true)
  public record RoleInput(
      @JsonProperty("role") String role,
      @JsonProperty("path") String path,
      @JsonProperty("sha256") String sha256) {}

  /**
   * The stages of a {@code darkflight process} run.
   *
   * @param status          complete, failed, ...
   * @param pathsRelativeTo what the artifact paths are relative to ({@code project_root})
   * @param stages          every stage in execution order
   * @param validationStatus the verdict of stage S8 (or why it did not run)
   * @param fragmentsDerived how stage S4 derived the fragments, or null when given
   * @param inputWarnings    warnings of the ensemble stage's input checks, or null
   */
  @JsonPropertyOrder(alphabetic = true)
  public record ProcessRunSummary(
      @JsonProperty("status") String status,
      @JsonProperty("paths_relative_to") String pathsRelativeTo,
      @JsonProperty("stages") List<StageStatus> stages,
      @JsonProperty("validation_status") String validationStatus,
      @com.fasterxml.jackson.annotation.JsonInclude(
          com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
      @JsonProperty("fragments_derived") String fragmentsDerived,
      @com.fasterxml.jackson.annotation.JsonInclude(
          com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
      @JsonProperty("input_warnings") List<String> inputWarnings) implements RunSection {

    public ProcessRunSummary {
      stages = stages == null ? null : List.copyOf(stages);
    }
  }

  /**
   * One stage of a {@code darkflight process} run.
   *
   * @param stage        stage id, e.g. {@code S1}
   * @param name         stage name
   * @param stageVersion version of the stage's logic (part of its cache key)
   * @param status       ok, cached, failed, skipped: …
   */
  @JsonPropertyOrder(alphabetic = true)
  public record StageStatus(
      @JsonProperty("stage") String stage,
      @JsonProperty("name") String name,
      @JsonProperty("stage_version") String stageVersion,
      @JsonProperty("status") String status) {}

  /**
   * The verdict of {@code darkflight validate --run-dir}; written in this order (status, report,
   * publication), as it always has been.
   *
   * @param status      passed or failed
   * @param report      absolute path of validation_report.md
   * @param publication published or blocked
   */
  public record Validation(
      @JsonProperty("status") String status,
      @JsonProperty("report") String report,
      @JsonProperty("publication") String publication) {}

  /** The same manifest with {@code artifacts} replaced. */
  public OutputManifestDocument withArtifacts(List<Artifact> replaced) {
    return new OutputManifestDocument(schema, eventId, producedUtc, replaced, kmlSummary,
        provenanceHash, run, validation, meta);
  }

  /** The same manifest with the verdict of a validation. */
  public OutputManifestDocument withValidation(Validation v) {
    return new OutputManifestDocument(schema, eventId, producedUtc, artifacts, kmlSummary,
        provenanceHash, run, v, meta);
  }

  /** Writes the manifest canonically (sorted keys, two-space indent, final newline). */
  public void write(Path target) throws IOException {
    AtomicFiles.write(target, Json.toCanonicalBytes(this));
  }

  /**
   * Writes a judged manifest the way {@code darkflight validate --run-dir} always has: Jackson's
   * default pretty printer, no final newline ({@link DeclaredOrderJson}).
   */
  public void writeValidated(Path target) throws IOException {
    AtomicFiles.write(target, DeclaredOrderJson.toBytes(this));
  }

  /**
   * Reads a manifest strictly (unknown fields are errors); fields it lacks are null.
   *
   * @throws InputException when the file is missing, not JSON or not a manifest
   */
  public static OutputManifestDocument read(Path file) throws InputException {
    JsonNode node = JsonSchemas.read(file);
    return Binding.bind(node, OutputManifestDocument.class, file.toString());
  }
}
