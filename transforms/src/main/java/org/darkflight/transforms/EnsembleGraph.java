package org.darkflight.transforms;

import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.darkflight.physics.atmosphere.AtmosLevel;
import org.darkflight.transforms.fit.EllipseFit;
import org.darkflight.transforms.fit.FitEllipses;
import org.darkflight.transforms.integrate.AtmosLevelRow;
import org.darkflight.analysis.ensemble.AtmosphereFactory;
import org.darkflight.transforms.integrate.Integrate;
import org.darkflight.analysis.ensemble.LandingSimulator;
import org.darkflight.transforms.integrate.SampleFailure;
import org.darkflight.transforms.integrate.SampleLanding;
import org.darkflight.analysis.sampling.EnsembleSample;
import org.darkflight.transforms.sampling.IndexRange;
import org.darkflight.transforms.sampling.SampleEnsemble;
import org.darkflight.analysis.sampling.SampleFactory;
import org.darkflight.transforms.sink.WriteShards;

/**
 * The ensemble as one Beam graph, read top to bottom:
 *
 * <pre>
 * Atmosphere ─ View.asList ──────────────┐ (side input)
 * SampleEnsemble (index ranges → samples) → Integrate ─┬─ landed ─┬─ FitEllipses → shards "fits"
 *                                                        │          └─ shards "landed"
 *                                                        └─ failed ── shards "failed"
 * </pre>
 *
 * The shards are written per bundle, without a grouping ({@link WriteShards}); the driver runs
 * the pipeline, then merges the shard files in index order to write the artifacts
 * ({@code org.darkflight.pipeline.run}).
 */
public final class EnsembleGraph {

  /** Shard file prefix of landed samples. */
  public static final String LANDED = "landed";
  /** Shard file prefix of failed samples. */
  public static final String FAILED = "failed";
  /** Shard file prefix of the per-mass-class fits. */
  public static final String FITS = "fits";

  /** Sort key of the landed shards: the sample index. */
  public static final SerializableFunction<SampleLanding, Long> LANDED_INDEX =
      SampleLanding::getIndex;
  /** Sort key of the failure shards: the sample index. */
  public static final SerializableFunction<SampleFailure, Long> FAILED_INDEX =
      SampleFailure::getIndex;
  /** Sort key of the fit shards: the mass class index. */
  public static final SerializableFunction<EllipseFit, Long> FIT_INDEX =
      f -> (long) f.getMassClassIndex();

  private EnsembleGraph() {}

  /** Whether {@code p} runs on Beam's Direct runner (by the runner class's simple name). */
  static boolean onDirectRunner(Pipeline p) {
    return p.getOptions().getRunner().getSimpleName().equals("DirectRunner");
  }

  /** The coders of the three shard kinds, to read them back. */
  public record Coders(Coder<SampleLanding> landed, Coder<SampleFailure> failed,
      Coder<EllipseFit> fits) {}

  /**
   * Adds the ensemble to {@code p}.
   *
   * @param ranges   index ranges to fan out (any order)
   * @param levels   the atmospheric profile (side input)
   * @param workDir  where the shard files go
   * @return the coders of the shards
   */
  public static Coders build(Pipeline p, SampleFactory factory, List<IndexRange> ranges,
      List<AtmosLevel> levels, AtmosphereFactory atmosphereFactory, LandingSimulator simulator,
      Integrate.Settings settings, Path workDir) {
    PCollection<AtmosLevelRow> rows = p.apply("Atmosphere", Create.of(AtmosLevelRow.of(levels)));
    PCollectionView<List<AtmosLevelRow>> atmosphere = rows.apply("AtmosphereView",
        View.asList());
    PCollection<EnsembleSample> samples;
    if (onDirectRunner(p)) {
      // The samples start once the atmosphere is complete, so its view is ready before the
      // first sample reaches Integrate (see SampleEnsemble.after).
      samples = rows
          .apply("AtmosphereLoaded", Count.globally())
          .apply("SampleEnsemble", SampleEnsemble.ofRanges(factory, ranges).after());
    } else {
      // Flink (batch) reads a broadcast side input whole before the main input, so it needs no
      // ordering; and a second consumer of the atmosphere would make its source a blocking
      // sort-merge partition there, which needs 64 MB of direct memory per TaskManager.
      samples = p.apply("SampleEnsemble", SampleEnsemble.ofRanges(factory, ranges));
    }
    PCollectionTuple integrated = samples.apply("Integrate",
        new Integrate(atmosphere, atmosphereFactory, simulator, settings));
    PCollection<SampleLanding> landed = integrated.get(Integrate.LANDED);
    PCollection<SampleFailure> failed = integrated.get(Integrate.FAILED);
    PCollection<EllipseFit> fits = landed.apply("FitEllipses", new FitEllipses());
    long perShard = factory.config().samplesPerElement();
    landed.apply("WriteLanded", new WriteShards<>(workDir, LANDED, LANDED_INDEX, perShard));
    failed.apply("WriteFailed", new WriteShards<>(workDir, FAILED, FAILED_INDEX, perShard));
    fits.apply("WriteFits", new WriteShards<>(workDir, FITS, FIT_INDEX, Long.MAX_VALUE));
    return new Coders(landed.getCoder(), failed.getCoder(), fits.getCoder());
  }
}
