package org.darkflight.analysis.sampling;

import java.time.Instant;
import org.darkflight.analysis.ensemble.PerturbedAtmosphere;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.atmosphere.AtmosphereModel;

/**
 * What an ensemble sample flies with: its fragment, its luminous end and its atmosphere (the
 * profile times the sample's wind scale plus its per-level wind perturbations). One place for
 * {@code transforms.integrate.Integrate}, the sensitivity analysis and the benchmark's bare
 * loop, so that all three land a sample the same way.
 */
public final class SampleFlight {

  private SampleFlight() {}

  /**
   * The sample's fragment.
   *
   * @throws IllegalArgumentException if a drawn property is out of range
   */
  public static Fragment fragment(EnsembleSample s) {
    return new Fragment(s.getFragmentId(), s.getMassKg(), s.getDensityKgM3(), s.getCd(),
        s.getShapeFactor());
  }

  /**
   * The sample's luminous end at {@code timeUtc}.
   *
   * @throws IllegalArgumentException if a drawn coordinate is out of range
   */
  public static LuminousEnd start(EnsembleSample s, Instant timeUtc) {
    return new LuminousEnd(timeUtc, s.getLatitudeDeg(), s.getLongitudeDeg(), s.getAltitudeM(),
        s.getSpeedMps(), s.getAzimuthDeg(), s.getElevationDeg());
  }

  /**
   * The sample's atmosphere: {@code base} itself when the sample changes no wind, else a
   * {@link PerturbedAtmosphere} of it.
   *
   * @param levelAltitudesM the profile's level heights, ascending
   */
  public static AtmosphereModel atmosphere(EnsembleSample s, AtmosphereModel base,
      double[] levelAltitudesM) {
    return PerturbedAtmosphere.isIdentity(s.getWindScale(), s.getWindPerturbationMps())
        ? base
        : new PerturbedAtmosphere(base, s.getWindScale(), levelAltitudesM,
            s.getWindPerturbationMps());
  }
}
