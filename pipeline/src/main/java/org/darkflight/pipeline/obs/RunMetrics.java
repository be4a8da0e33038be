package org.darkflight.pipeline.obs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.json.Json;

/**
 * The {@code metrics.json} of a batch run (spec §13; schema {@code schemas/metrics.schema.json}):
 * simulation runtime, samples per second, samples and failures, the stage cache hit ratio and the
 * validation pass rate (each null, with a reason, where it does not apply) and per-stage timings.
 * Wall-clock figures make it differ between reruns, so it is not listed in
 * {@code output_manifest.json}, whose artifacts are byte-identical for identical inputs.
 *
 * @param command                  {@code run}, {@code process} or {@code reprocess}
 * @param eventId                  the event
 * @param simulationRuntimeS       wall time of the ensemble simulation (the Beam pipeline), s
 * @param totalRuntimeS            wall time of the whole command, s
 * @param samples                  samples simulated (0 if the ensemble was served from the cache)
 * @param failures                 samples that failed
 * @param cacheHitRatio            stages served from the cache / stages, or null
 * @param cacheHitRatioReason      why {@code cacheHitRatio} is null, else null
 * @param validationPassRate       passed validations / validations run, or null
 * @param validationPassRateReason why {@code validationPassRate} is null, else null
 * @param stages                   per-stage timings and counts, in execution order
 */
public record RunMetrics(String command, String eventId, double simulationRuntimeS,
    double totalRuntimeS, long samples, long failures, Double cacheHitRatio,
    String cacheHitRatioReason, Double validationPassRate, String validationPassRateReason,
    List<StageTiming> stages) {

  /** File name in a run's output directory. */
  public static final String FILE = "metrics.json";
  /** Schema {@code $id}. */
  public static final String SCHEMA_ID = "https://darkflight.org/schemas/metrics.schema.json";

  /**
   * One stage.
   *
   * @param id        stage id (e.g. {@code S1}, or {@code pipeline} for {@code darkflight run})
   * @param name      stage name
   * @param outcome   ran, hit, failed, not_run
   * @param durationS wall time, s (0 for a cache hit)
   * @param count     items the stage handled (samples for the ensemble, else outputs)
   */
  public record StageTiming(String id, String name, String outcome, double durationS,
      long count) {
    /** Checks the figures. */
    public StageTiming {
      Objects.requireNonNull(id);
      if (!(durationS >= 0) || count < 0) {
        throw new IllegalArgumentException("stage " + id + ": negative duration or count");
      }
    }
  }

  /** Checks the figures and the reasons. */
  public RunMetrics {
    Objects.requireNonNull(command);
    if (!(simulationRuntimeS >= 0) || !(totalRuntimeS >= 0) || samples < 0 || failures < 0
        || failures > samples) {
      throw new IllegalArgumentException("metrics: negative time or count, or failures > samples");
    }
    if ((cacheHitRatio == null) == (cacheHitRatioReason == null)
        || (validationPassRate == null) == (validationPassRateReason == null)) {
      throw new IllegalArgumentException("metrics: a null ratio needs a reason, and only it");
    }
    stages = List.copyOf(stages);
  }

  /** Samples per second of simulation (spec: fragments_per_second), or null without samples. */
  public Double fragmentsPerSecond() {
    return samples > 0 && simulationRuntimeS > 0 ? samples / simulationRuntimeS : null;
  }

  /** The document. */
  public ObjectNode toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode o = f.objectNode();
    o.put("$schema", SCHEMA_ID);
    o.put("command", command);
    o.put("event_id", eventId);
    o.put("simulation_runtime_s", simulationRuntimeS);
    o.put("total_runtime_s", totalRuntimeS);
    o.put("samples", samples);
    o.put("failures", failures);
    o.put("fragments_per_second", fragmentsPerSecond());
    if (fragmentsPerSecond() == null) {
      o.put("fragments_per_second_reason", samples == 0
          ? "no samples simulated (the ensemble came from the cache or did not run)"
          : "simulation time too short to measure");
    }
    o.put("cache_hit_ratio", cacheHitRatio);
    if (cacheHitRatioReason != null) {
      o.put("cache_hit_ratio_reason", cacheHitRatioReason);
    }
    o.put("validation_pass_rate", validationPassRate);
    if (validationPassRateReason != null) {
      o.put("validation_pass_rate_reason", validationPassRateReason);
    }
    ArrayNode arr = o.putArray("stages");
    for (StageTiming s : stages) {
      ObjectNode n = arr.addObject();
      n.put("id", s.id());
      n.put("name", s.name());
      n.put("outcome", s.outcome());
      n.put("duration_s", s.durationS());
      n.put("count", s.count());
    }
    return o;
  }

  /** Writes the document atomically (temp file + move). */
  public void write(Path target) throws IOException {
    AtomicFiles.write(target, Json.toCanonicalBytes(toJson()));
  }
}
