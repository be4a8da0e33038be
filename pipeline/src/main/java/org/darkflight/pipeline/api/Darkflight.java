package org.darkflight.pipeline.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.darkflight.io.FileTrees;
import org.darkflight.io.InputException;
import org.darkflight.io.json.Json;
import org.darkflight.pipeline.run.EnsembleRun;
import org.darkflight.analysis.ensemble.RunCancellation;
import org.darkflight.analysis.ensemble.RunInputs;

/**
 * The small Java API of Darkflight. {@code simulate} reads and checks the inputs exactly as
 * {@code darkflight run} does ({@link RunInputs#read}), runs the ensemble with
 * {@link EnsembleRun} on Beam's in-process Direct runner and returns what was written.
 *
 * <pre>{@code
 * Darkflight.Result r = Darkflight.simulate(event, fragments, atmos, physicsConfig,
 *     ensembleConfig, outDir);
 * r.summary().landed();          // samples that landed
 * r.pointsGeoJson();             // strewn_field_points.geojson as text
 * r.ellipsesGeoJson();           // uncertainty_ellipses.geojson as text
 * }</pre>
 */
public final class Darkflight {

  /** File name of the landing points written by a run. */
  public static final String POINTS_FILE = "strewn_field_points.geojson";
  /** File name of the confidence ellipses written by a run. */
  public static final String ELLIPSES_FILE = "uncertainty_ellipses.geojson";

  private Darkflight() {}

  /**
   * What a simulation produced.
   *
   * @param summary          counts, failure reasons, 90 % ellipse sizes, timings, artifacts
   * @param pointsGeoJson    the landing points (strewn_field_points.geojson) as text
   * @param ellipsesGeoJson  the confidence ellipses (uncertainty_ellipses.geojson) as text
   * @param outDir           where the artifacts were written (deleted again by the JSON variant)
   */
  public record Result(EnsembleRun.Summary summary, String pointsGeoJson, String ellipsesGeoJson,
      Path outDir) {}

  /**
   * Runs the ensemble on files.
   *
   * @param event          event.json
   * @param fragments      fragments.json, or null when the ensemble config has a split rule
   * @param atmos          atmos_profile.json
   * @param physicsConfig  physics_config.json
   * @param ensembleConfig ensemble_config.json, or null for one sample per fragment
   * @param outDir         where all artifacts go (created if missing)
   * @throws InputException naming file, field and reason of the first bad input (nothing written)
   */
  public static Result simulate(Path event, Path fragments, Path atmos, Path physicsConfig,
      Path ensembleConfig, Path outDir) throws InputException, IOException {
    RunInputs in = RunInputs.read(event, atmos, physicsConfig, fragments, ensembleConfig);
    return simulate(in, outDir, Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  /** Runs already-read inputs; {@code producedUtc} is written into the outputs. */
  public static Result simulate(RunInputs in, Path outDir, Instant producedUtc)
      throws IOException {
    return simulate(in, outDir, producedUtc, EnsembleRun.DEFAULT_MAX_FAILURE_SHARE);
  }

  /**
   * Runs already-read inputs held to a failure limit ({@link Result#summary()} tells whether the
   * run exceeded it: {@code failedRun()}).
   */
  public static Result simulate(RunInputs in, Path outDir, Instant producedUtc,
      double maxFailureShare) throws IOException {
    EnsembleRun.Summary s = EnsembleRun.physics(in).withMaxFailureShare(maxFailureShare)
        .run(in, outDir, directOptions(), producedUtc);
    return new Result(s,
        Files.readString(outDir.resolve(POINTS_FILE), StandardCharsets.UTF_8),
        Files.readString(outDir.resolve(ELLIPSES_FILE), StandardCharsets.UTF_8), outDir);
  }

  /**
   * Runs the ensemble on JSON documents held in memory (the HTTP service's entry point). They
   * are written into a private temporary directory under the names {@code event.json},
   * {@code fragments.json}, {@code atmos_profile.json}, {@code physics_config.json},
   * {@code ensemble_config.json}, read back as files by the ordinary readers, and the directory
   * is deleted afterwards; {@link Result#outDir()} then no longer exists. Error messages name
   * those bare file names.
   *
   * @param fragments      may be null (split rule in the ensemble config)
   * @param ensembleConfig may be null
   */
  public static Result simulate(JsonNode event, JsonNode fragments, JsonNode atmos,
      JsonNode physicsConfig, JsonNode ensembleConfig) throws InputException, IOException {
    return simulate(event, fragments, atmos, physicsConfig, ensembleConfig,
        EnsembleRun.DEFAULT_MAX_FAILURE_SHARE);
  }

  /** As {@link #simulate(JsonNode, JsonNode, JsonNode, JsonNode, JsonNode)}, with a limit. */
  public static Result simulate(JsonNode event, JsonNode fragments, JsonNode atmos,
      JsonNode physicsConfig, JsonNode ensembleConfig, double maxFailureShare)
      throws InputException, IOException {
    try (RunCancellation never = RunCancellation.open()) {
      return simulate(event, fragments, atmos, physicsConfig, ensembleConfig, maxFailureShare,
          never);
    }
  }

  /**
   * As {@link #simulate(JsonNode, JsonNode, JsonNode, JsonNode, JsonNode, double)}, stopping the
   * ensemble's integrations once {@code cancellation} is cancelled (the call then ends with an
   * exception). Nothing it returns or throws names the private temporary directory: the
   * artifacts' input paths are written relative to it (bare file names), and so are the files
   * named in error messages.
   */
  public static Result simulate(JsonNode event, JsonNode fragments, JsonNode atmos,
      JsonNode physicsConfig, JsonNode ensembleConfig, double maxFailureShare,
      RunCancellation cancellation) throws InputException, IOException {
    Path dir = Files.createTempDirectory("darkflight-api-");
    String prefix = dir.toString() + dir.getFileSystem().getSeparator();
    try {
      Path e = write(dir, "event.json", event);
      Path f = write(dir, "fragments.json", fragments);
      Path a = write(dir, "atmos_profile.json", atmos);
      Path c = write(dir, "physics_config.json", physicsConfig);
      Path n = write(dir, "ensemble_config.json", ensembleConfig);
      RunInputs in;
      try {
        in = RunInputs.read(e, a, c, f, n);
      } catch (InputException ex) {
        throw new InputException(ex.file().replace(prefix, ""), ex.field(),
            ex.reason().replace(prefix, ""), ex);
      }
      EnsembleRun.Summary s = EnsembleRun.physics(in, cancellation).withPathsRelativeTo(dir)
          .withMaxFailureShare(maxFailureShare).run(in, dir.resolve("out"), directOptions(),
              Instant.now().truncatedTo(ChronoUnit.SECONDS));
      Path out = dir.resolve("out");
      return new Result(s,
          Files.readString(out.resolve(POINTS_FILE), StandardCharsets.UTF_8),
          Files.readString(out.resolve(ELLIPSES_FILE), StandardCharsets.UTF_8), out);
    } finally {
      FileTrees.delete(dir);
    }
  }

  private static Path write(Path dir, String name, JsonNode node) throws IOException {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    Path p = dir.resolve(name);
    Files.write(p, Json.toCanonicalBytes(node));
    return p;
  }

  /** Direct-runner options as {@code darkflight run} sets them (element copy checks off). */
  static PipelineOptions directOptions() {
    PipelineOptions options = PipelineOptionsFactory.create();
    options.setRunner(DirectRunner.class);
    DirectOptions direct = options.as(DirectOptions.class);
    direct.setEnforceImmutability(false);
    direct.setEnforceEncodability(false);
    direct.setTargetParallelism(Math.max(1, Runtime.getRuntime().availableProcessors()));
    return options;
  }
}
