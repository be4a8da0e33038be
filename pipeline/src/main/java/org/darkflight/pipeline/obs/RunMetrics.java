package org.darkflight.pipeline.obs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.darkflight.io.run.MetricsDocument;

/**
 * The {@code metrics.json} of a batch run (spec §13; schema {@code schemas/metrics.schema.json}):
 * simulation runtime, samples per second, samples and failures, the stage cache hit ratio and the
 * validation pass rate (each null, with a reason, where it does not apply) and per-stage timings.
 * Wall-clock figures make it differ between reruns, so it is not listed in
 * {@code output_manifest.json}, whose artifacts are byte-identical for identical inputs. Written
 * as the typed document {@link MetricsDocument}.
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
  public static final String FILE = MetricsDocument.FILE;
  /** Schema {@code $id}. */
  public static final String SCHEMA_ID = MetricsDocument.SCHEMA_ID;

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

  /** The document: each null figure with its reason. */
  public MetricsDocument toDocument() {
    List<MetricsDocument.Stage> rows = stages.stream().map(s -> new MetricsDocument.Stage(s.id(),
        s.name(), s.outcome(), s.durationS(), s.count())).toList();
    Double perSecond = fragmentsPerSecond();
    String perSecondReason = perSecond != null ? null : samples == 0
        ? "no samples simulated (the ensemble came from the cache or did not run)"
        : "simulation time too short to measure";
    return new MetricsDocument(SCHEMA_ID, command, eventId, simulationRuntimeS, totalRuntimeS,
        samples, failures, perSecond, perSecondReason, cacheHitRatio, cacheHitRatioReason,
        validationPassRate, validationPassRateReason, rows);
  }

  /** Writes the document atomically (temp file + move). */
  public void write(Path target) throws IOException {
    toDocument().write(target);
  }
}
