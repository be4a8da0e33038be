package org.darkflight.transforms.integrate;

import org.darkflight.analysis.ensemble.AtmosphereFactory;
import org.darkflight.analysis.ensemble.LandingSimulator;
import org.darkflight.analysis.sampling.SampleFlight;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.atmosphere.AtmosLevel;
import org.darkflight.physics.atmosphere.AtmosphereModel;
import org.darkflight.physics.trajectory.Landing;
import org.darkflight.physics.trajectory.SimulationException;
import org.darkflight.analysis.ensemble.EventPlane;
import org.darkflight.analysis.ensemble.MassClassBins;
import org.darkflight.analysis.sampling.EnsembleSample;
import org.darkflight.analysis.sampling.Substreams;

/**
 * Integrates every sample with the physics core. The atmospheric profile arrives as a side input
 * (one list of levels, global window) and is turned into a model once per DoFn instance; the DoFn keeps no state
 * between elements that could change a result. Landed samples go to {@link #LANDED}; samples that
 * fail (a draw outside the physical range, a {@link SimulationException}, a non-finite or
 * inconsistent landing, any other runtime error of the physics) go to {@link #FAILED} with their
 * index and substream seed — a failed sample never stops the job. A cancelled run does: its
 * {@link org.darkflight.physics.trajectory.SimulationCancelledException} passes through.
 */
public final class Integrate
    extends PTransform<PCollection<EnsembleSample>, PCollectionTuple> {

  private static final long serialVersionUID = 1L;

  /** Samples that landed. */
  public static final TupleTag<SampleLanding> LANDED = new TupleTag<>() {
    private static final long serialVersionUID = 1L;
  };
  /** Samples that failed. */
  public static final TupleTag<SampleFailure> FAILED = new TupleTag<>() {
    private static final long serialVersionUID = 1L;
  };

  private final PCollectionView<List<AtmosLevelRow>> atmosphere;
  private final AtmosphereFactory atmosphereFactory;
  private final LandingSimulator simulator;
  private final Settings settings;

  /**
   * Fixed settings of an integration.
   *
   * @param timeUtc      time of the luminous end (UTC)
   * @param randomSeed   the ensemble's seed (to report substream seeds of failures)
   * @param cdScale      the physics configuration's drag-coefficient scale (for reporting Cd)
   * @param plane        the event's east/north plane
   * @param massClasses  classes of final mass
   */
  public record Settings(Instant timeUtc, long randomSeed, double cdScale, EventPlane plane,
      MassClassBins massClasses) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
  }

  public Integrate(PCollectionView<List<AtmosLevelRow>> atmosphere,
      AtmosphereFactory atmosphereFactory, LandingSimulator simulator, Settings settings) {
    this.atmosphere = atmosphere;
    this.atmosphereFactory = atmosphereFactory;
    this.simulator = simulator;
    this.settings = settings;
  }

  @Override
  public PCollectionTuple expand(PCollection<EnsembleSample> samples) {
    PCollectionTuple out = samples.apply("IntegrateSample",
        ParDo.of(new IntegrateFn(atmosphere, atmosphereFactory, simulator, settings))
            .withSideInputs(atmosphere)
            .withOutputTags(LANDED, TupleTagList.of(FAILED)));
    return out;
  }

  /** Namespace of the Beam counters of this transform. */
  public static final String COUNTER_NAMESPACE = "darkflight";
  /** Beam counter: samples integrated (landed or failed), for progress reporting. */
  public static final String SAMPLES_DONE_COUNTER = "samples_done";

  /** The DoFn: one sample in, one landing or one failure out. */
  static final class IntegrateFn extends DoFn<EnsembleSample, SampleLanding> {
    private static final long serialVersionUID = 1L;

    private final PCollectionView<List<AtmosLevelRow>> view;
    private final AtmosphereFactory atmosphereFactory;
    private final LandingSimulator simulator;
    private final Settings settings;

    private final org.apache.beam.sdk.metrics.Counter samplesDone =
        org.apache.beam.sdk.metrics.Metrics.counter(COUNTER_NAMESPACE, SAMPLES_DONE_COUNTER);
    private transient AtmosphereModel baseModel;
    private transient double[] levelAltitudesM;

    IntegrateFn(PCollectionView<List<AtmosLevelRow>> view, AtmosphereFactory atmosphereFactory,
        LandingSimulator simulator, Settings settings) {
      this.view = view;
      this.atmosphereFactory = atmosphereFactory;
      this.simulator = simulator;
      this.settings = settings;
    }

    @ProcessElement
    public void process(ProcessContext c, MultiOutputReceiver out) {
      EnsembleSample s = c.element();
      if (baseModel == null) {
        // The profile is one global-window side input: read and build it once per DoFn
        // instance, not once per sample (reading a side input may materialise it anew).
        prepareAtmosphere(c.sideInput(view));
      }
      try {
        SampleLanding landing = integrate(s);
        out.get(LANDED).output(landing);
      } catch (org.darkflight.physics.trajectory.SimulationCancelledException e) {
        throw e; // the run was cancelled: stop the job, do not record a sample failure
      } catch (SampleFailedException e) {
        out.get(FAILED).output(failure(s, e.reason, e.getMessage(), e.timeS));
      } catch (SimulationException e) {
        out.get(FAILED).output(failure(s, e.reason().name(), e.getMessage(), e.timeS()));
      } catch (org.darkflight.physics.plugin.PluginFailureException e) {
        out.get(FAILED).output(failure(s, "PLUGIN_FAILURE", describe(e), Double.NaN));
      } catch (IllegalArgumentException e) {
        // a drawn value the models refuse (a radius, a state they cannot start from)
        out.get(FAILED).output(failure(s, "INVALID_DRAW", describe(e), 0.0));
      } catch (RuntimeException e) {
        out.get(FAILED).output(failure(s, "INTEGRATION_ERROR", describe(e), Double.NaN));
      }
      samplesDone.inc();
    }

    /** The message of an unexpected exception, its kind named only beside the reason. */
    private static String describe(RuntimeException e) {
      String m = e.getMessage();
      return (m == null || m.isBlank() ? "no message" : m) + " (" + e.getClass().getName() + ")";
    }

    private SampleFailure failure(EnsembleSample s, String reason, String message, double t) {
      return SampleFailure.of(s.getIndex(),
          Substreams.substreamSeed(settings.randomSeed(), s.getIndex()), s.getFragmentId(),
          reason, message, t);
    }

    private void prepareAtmosphere(List<AtmosLevelRow> rows) {
      List<AtmosLevelRow> sorted = new ArrayList<>(rows);
      sorted.sort(Comparator.comparingInt(AtmosLevelRow::getOrder));
      List<AtmosLevel> levels = new ArrayList<>(sorted.size());
      double[] alts = new double[sorted.size()];
      for (int i = 0; i < sorted.size(); i++) {
        levels.add(sorted.get(i).toLevel());
        alts[i] = sorted.get(i).getAltitudeM();
      }
      baseModel = atmosphereFactory.build(levels);
      levelAltitudesM = alts;
    }

    private SampleLanding integrate(EnsembleSample s) {
      Fragment fragment;
      LuminousEnd start;
      try {
        fragment = SampleFlight.fragment(s);
        start = SampleFlight.start(s, settings.timeUtc());
        if (!(s.getWindScale() >= 0) || !Double.isFinite(s.getWindScale())) {
          throw new IllegalArgumentException("wind_scale must be >= 0, got " + s.getWindScale());
        }
      } catch (IllegalArgumentException e) {
        throw new SampleFailedException("INVALID_DRAW", e.getMessage(), 0.0);
      }
      Landing l = simulator.land(SampleFlight.atmosphere(s, baseModel, levelAltitudesM), start,
          fragment);
      if (l == null || !Double.isFinite(l.latitudeDeg()) || !Double.isFinite(l.longitudeDeg())
          || !Double.isFinite(l.fallTimeS()) || l.fallTimeS() < 0
          || !Double.isFinite(l.impactSpeedMps()) || !(l.massFinalKg() > 0)
          || l.massFinalKg() > fragment.massKg() * (1 + 1e-12)) {
        throw new SampleFailedException("INVALID_RESULT",
            "non-finite or inconsistent landing: " + l, l == null ? Double.NaN : l.fallTimeS());
      }
      double[] en = settings.plane().eastNorthM(l.latitudeDeg(), l.longitudeDeg());
      return SampleLanding.builder()
          .setIndex(s.getIndex())
          .setFragmentId(s.getFragmentId())
          .setMassClassIndex(settings.massClasses().index(l.massFinalKg()))
          .setLatitudeDeg(l.latitudeDeg())
          .setLongitudeDeg(l.longitudeDeg())
          .setEastM(en[0])
          .setNorthM(en[1])
          .setHeightM(l.heightM())
          .setFallTimeS(l.fallTimeS())
          .setImpactSpeedMps(l.impactSpeedMps())
          .setTerminalVelocityMps(l.terminalVelocityMps())
          .setMassInitialKg(fragment.massKg())
          .setMassFinalKg(l.massFinalKg())
          .setImpactEnergyJ(l.impactEnergyJ())
          .setDensityKgM3(fragment.densityKgM3())
          // the Cd in use at impact (docs/outputs.md): the drag model's value there, cd_scale
          // applied; a legacy method (constant Cd, reports none) flies the fragment's cd scaled
          .setCd(Double.isFinite(l.dragCoefficient()) ? l.dragCoefficient()
              : fragment.cd() * settings.cdScale())
          .setShapeFactor(fragment.shapeFactor())
          .setDriftDistanceM(l.driftDistanceM())
          .setDriftBearingDeg(l.driftBearingDeg())
          .build();
    }
  }

  /** A sample failure found by the DoFn itself. */
  private static final class SampleFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String reason;
    private final double timeS;

    SampleFailedException(String reason, String message, double timeS) {
      super(message);
      this.reason = reason;
      this.timeS = timeS;
    }
  }
}
