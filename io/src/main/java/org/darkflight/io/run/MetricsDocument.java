package org.darkflight.io.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.InputException;
import org.darkflight.io.json.Binding;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;

/**
 * {@code metrics.json} of a batch run (schema {@code schemas/metrics.schema.json},
 * docs/operations.md): runtimes, throughput, counts, cache hit ratio and validation pass rate.
 * A ratio that does not apply is null and its {@code *_reason} says why; a reason is absent when
 * its ratio is a number. Written canonically (sorted keys).
 *
 * @param schema                   {@link #SCHEMA_ID}
 * @param command                  {@code run}, {@code process} or {@code reprocess}
 * @param eventId                  the event
 * @param simulationRuntimeS       wall time of the ensemble simulation, s
 * @param totalRuntimeS            wall time of the whole command, s
 * @param samples                  samples simulated (count)
 * @param failures                 samples that failed (count)
 * @param fragmentsPerSecond       samples / simulation_runtime_s, 1/s, or null
 * @param fragmentsPerSecondReason why {@code fragmentsPerSecond} is null, else null
 * @param cacheHitRatio            stages served from the cache / stages (1), or null
 * @param cacheHitRatioReason      why {@code cacheHitRatio} is null, else null
 * @param validationPassRate       passed / run validations (1), or null
 * @param validationPassRateReason why {@code validationPassRate} is null, else null
 * @param stages                   per-stage timings, in execution order
 */
public record MetricsDocument(
    @JsonProperty("$schema") String schema,
    @JsonProperty("command") String command,
    @JsonProperty("event_id") String eventId,
    @JsonProperty("simulation_runtime_s") double simulationRuntimeS,
    @JsonProperty("total_runtime_s") double totalRuntimeS,
    @JsonProperty("samples") long samples,
    @JsonProperty("failures") long failures,
    @JsonProperty("fragments_per_second") Double fragmentsPerSecond,
    @JsonProperty("fragments_per_second_reason") @JsonInclude(JsonInclude.Include.NON_NULL)
    String fragmentsPerSecondReason,
    @JsonProperty("cache_hit_ratio") Double cacheHitRatio,
    @JsonProperty("cache_hit_ratio_reason") @JsonInclude(JsonInclude.Include.NON_NULL)
    String cacheHitRatioReason,
    @JsonProperty("validation_pass_rate") Double validationPassRate,
    @JsonProperty("validation_pass_rate_reason") @JsonInclude(JsonInclude.Include.NON_NULL)
    String validationPassRateReason,
    @JsonProperty("stages") List<Stage> stages) {

  /** File name in a run's output directory. */
  public static final String FILE = "metrics.json";
  /** Schema name. */
  public static final String SCHEMA = "metrics";
  /** Schema {@code $id}. */
  public static final String SCHEMA_ID = "https://darkflight.org/schemas/metrics.schema.json";

  /** Checks that each null figure has a reason, and copies the list. */
  public MetricsDocument {
    if ((fragmentsPerSecond == null) != (fragmentsPerSecondReason != null)
        || (cacheHitRatio == null) != (cacheHitRatioReason != null)
        || (validationPassRate == null) != (validationPassRateReason != null)) {
      throw new IllegalArgumentException("metrics: a null figure needs a reason, and only it");
    }
    stages = List.copyOf(stages);
  }

  /**
   * One stage.
   *
   * @param id        stage id (e.g. {@code S1}, or {@code pipeline} for {@code darkflight run})
   * @param name      stage name
   * @param outcome   ran, hit, miss, failed or not_run
   * @param durationS wall time, s (0 for a cache hit)
   * @param count     items the stage handled (samples for the ensemble, else outputs)
   */
  public record Stage(
      @JsonProperty("id") String id,
      @JsonProperty("name") String name,
      @JsonProperty("outcome") String outcome,
      @JsonProperty("duration_s") double durationS,
      @JsonProperty("count") long count) {}

  /** Writes the document canonically and atomically. */
  public void write(Path target) throws IOException {
    AtomicFiles.write(target, Json.toCanonicalBytes(this));
  }

  /**
   * Reads a metrics file strictly.
   *
   * @throws InputException when the file is missing, not JSON or not a metrics document
   */
  public static MetricsDocument read(Path file) throws InputException {
    return Binding.bind(JsonSchemas.read(file), MetricsDocument.class, file.toString());
  }
}
