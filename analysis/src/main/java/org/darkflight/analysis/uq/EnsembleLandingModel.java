package org.darkflight.analysis.uq;

import java.time.Instant;
import java.util.List;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.atmosphere.AtmosLevel;
import org.darkflight.physics.atmosphere.AtmosphereModel;
import org.darkflight.physics.trajectory.Landing;
import org.darkflight.analysis.ensemble.EventPlane;
import org.darkflight.analysis.ensemble.AtmosphereFactory;
import org.darkflight.analysis.ensemble.LandingSimulator;
import org.darkflight.analysis.ensemble.PerturbedAtmosphere;
import org.darkflight.analysis.sampling.SampleFlight;
import org.darkflight.analysis.sampling.EnsembleSample;

/**
 * An ensemble sample landed the way the ensemble's integration step lands it
 * ({@code transforms.integrate.Integrate}): the fragment and luminous end of the sample, the
 * profile times the sample's wind scale plus its per-level wind perturbations
 * ({@link PerturbedAtmosphere}), the given {@link LandingSimulator}; the landing as east/north
 * offsets in the event plane and the final mass. Samples that are out of range, fail to
 * integrate or land inconsistently give null.
 */
public final class EnsembleLandingModel implements SensitivityAnalysis.LandingModel {

  private final AtmosphereModel base;
  private final double[] levelAltitudesM;
  private final LandingSimulator simulator;
  private final EventPlane plane;
  private final Instant timeUtc;

  /**
   * @param levels   the profile levels, sorted by altitude
   * @param factory  builds the atmosphere model of the levels
   * @param plane    the event's east/north plane
   * @param timeUtc  time of the luminous end
   */
  public EnsembleLandingModel(List<AtmosLevel> levels, AtmosphereFactory factory,
      LandingSimulator simulator, EventPlane plane, Instant timeUtc) {
    this.base = factory.build(levels);
    this.levelAltitudesM = levels.stream().mapToDouble(AtmosLevel::altitudeM).toArray();
    this.simulator = simulator;
    this.plane = plane;
    this.timeUtc = timeUtc;
  }

  @Override
  public double[] land(EnsembleSample s) {
    Fragment fragment;
    LuminousEnd start;
    try {
      fragment = SampleFlight.fragment(s);
      start = SampleFlight.start(s, timeUtc);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (!(s.getWindScale() >= 0) || !Double.isFinite(s.getWindScale())) {
      return null;
    }
    Landing l;
    try {
      l = simulator.land(SampleFlight.atmosphere(s, base, levelAltitudesM), start, fragment);
    } catch (RuntimeException e) {
      return null;
    }
    if (l == null || !Double.isFinite(l.latitudeDeg()) || !Double.isFinite(l.longitudeDeg())
        || !(l.massFinalKg() > 0) || l.massFinalKg() > fragment.massKg() * (1 + 1e-12)) {
      return null;
    }
    double[] en = plane.eastNorthM(l.latitudeDeg(), l.longitudeDeg());
    return new double[] {en[0], en[1], l.massFinalKg()};
  }
}
