package org.darkflight.io.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;

/**
 * The {@code metrics.json} of a batch run (schema {@code schemas/metrics.schema.json}). A null
 * figure is written as null and comes with a {@code *_reason}; a reason is absent otherwise.
 *
 * @param schema                   the schema's {@code $id}
 * @param command                  {@code run}, {@code process} or {@code reprocess}
 * @param eventId                  the event, or null
 * @param simulationRuntimeS       wall time of the ensemble simulation, s
 * @param totalRuntimeS            wall time of the whole command, s
 * @param samples                  samples simulated
 * @param failures                 samples that failed
 * @param fragmentsPerSecond       samples per second of simulation, or null
 * @param fragmentsPerSecondReason why {@code fragmentsPerSecond} is null
 * @param cacheHitRatio            stages served from the cache / stages, or null
 * @param cacheHitRatioReason      why {@code cacheHitRatio} is null
 * @param validationPassRate       validations passed / validations run, or null
 * @param validationPassRateReason why {@code validationPassRate} is null
 * @param stages                   per-stage timings and counts, in execution order
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

  /** {@code $id} of the schema. */
  public static final String SCHEMA_ID = JsonSchemas.ID_PREFIX + "metrics.schema.json";

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
   * @param id        stage id
   * @param name      stage name
   * @param outcome   ran, hit, failed, not_run, miss
   * @param durationS wall time, s
   * @param count     items handled
   */
  public record Stage(
      @JsonProperty("id") String id,
      @JsonProperty("name") String name,
      @JsonProperty("outcome") String outcome,
      @JsonProperty("duration_s") double durationS,
      @JsonProperty("count") long count) {}

  /** Writes the document atomically. */
  public void write(Path target) throws IOException {
    AtomicFiles.write(target, Json.toCanonicalBytes(this));
  }
}
