package org.darkflight.pipeline.coord;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.darkflight.io.InputException;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.io.process.ProcessFiles;
import org.darkflight.pipeline.obs.RunMetrics;
import org.darkflight.pipeline.run.EnsembleRun;

/** Builds the {@link RunMetrics} of {@code darkflight run} and of a coordinator run. */
public final class BatchMetrics {

  private BatchMetrics() {}

  /** The metrics of {@code darkflight run}: one pipeline stage and the output writing. */
  public static RunMetrics forRun(String eventId, EnsembleRun.Summary s) {
    double pipelineS = s.pipelineTime().toNanos() / 1e9;
    double totalS = s.totalTime().toNanos() / 1e9;
    List<RunMetrics.StageTiming> stages = List.of(
        new RunMetrics.StageTiming("pipeline", "ensemble (Beam: sample, integrate, fit)", "ran",
            pipelineS, s.samples()),
        new RunMetrics.StageTiming("write", "strewn field, manifests", "ran",
            Math.max(0, totalS - pipelineS), s.artifacts().size()));
    return new RunMetrics("run", eventId, pipelineS, totalS, s.samples(), s.failed(), null,
        "darkflight run has no stage cache", null, "darkflight run does not validate", stages);
  }

  /**
   * The metrics of {@code process}/{@code reprocess}: the stage outcomes and timings, samples
   * and failures from the run manifest when the ensemble stage ran, the validation status.
   */
  public static RunMetrics forCoordinator(String command, ProjectLayout layout,
      Coordinator.Result r, Map<String, Double> stageSeconds, double totalS) {
    List<RunMetrics.StageTiming> stages = new ArrayList<>();
    long samples = 0;
    long failures = 0;
    double simS = 0;
    long decided = 0;
    long hits = 0;
    for (Coordinator.StageResult sr : r.stages()) {
      String name = sr.stage().name();
      double d = stageSeconds.getOrDefault(name, 0.0);
      long count = sr.stage().outputs().size();
      if (name.equals("ensemble") && sr.outcome() == Coordinator.Outcome.RAN) {
        long[] sf = samplesAndFailures(layout);
        samples = sf[0];
        failures = sf[1];
        count = samples;
        simS = d;
      }
      if (sr.outcome() == Coordinator.Outcome.HIT || sr.outcome() == Coordinator.Outcome.RAN) {
        decided++;
        hits += sr.outcome() == Coordinator.Outcome.HIT ? 1 : 0;
      }
      stages.add(new RunMetrics.StageTiming(sr.stage().id(), name,
          sr.outcome().name().toLowerCase(Locale.ROOT), d, count));
    }
    Double ratio = decided == 0 ? null : (double) hits / decided;
    Double pass = null;
    String passReason = "the validation stage did not run";
    Path status = ArtifactId.VALIDATION_STATUS.path(layout);
    if (Files.isRegularFile(status)) {
      try {
        String st = ProcessFiles.readValidationStatus(status).status();
        switch (st) {
          case "passed" -> pass = 1.0;
          case "failed" -> pass = 0.0;
          default -> passReason = "validation " + st + " (no validation_spec.json)";
        }
      } catch (InputException e) {
        passReason = "validation status unreadable: " + e.getMessage();
      }
    }
    return new RunMetrics(command, layout.eventId(), simS, totalS, samples, failures, ratio,
        ratio == null ? "no stage finished" : null, pass, pass == null ? passReason : null,
        stages);
  }

  /** {@code run.samples} and {@code run.failed} of the event's run manifest, or zeros. */
  private static long[] samplesAndFailures(ProjectLayout layout) {
    Path run = ArtifactId.RUN_MANIFEST.path(layout);
    if (!Files.isRegularFile(run)) {
      return new long[2];
    }
    try {
      JsonNode n = JsonSchemas.read(run).path("run");
      return new long[] {n.path("samples").asLong(), n.path("failed").asLong()};
    } catch (InputException e) {
      return new long[2];
    }
  }

  /** The headline figures as the {@code metrics} of a log record. */
  public static Map<String, Object> headline(RunMetrics m) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("simulation_runtime_s", m.simulationRuntimeS());
    o.put("fragments_per_second", m.fragmentsPerSecond());
    o.put("samples", m.samples());
    o.put("failures", m.failures());
    o.put("cache_hit_ratio", m.cacheHitRatio());
    o.put("validation_pass_rate", m.validationPassRate());
    return o;
  }
}
