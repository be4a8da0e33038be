package org.darkflight.analysis.ensemble;

import java.util.List;
import org.darkflight.physics.atmosphere.AtmosphereModel;
import org.darkflight.physics.atmosphere.AtmosphereState;

/**
 * An atmosphere whose horizontal wind is scaled and perturbed level by level:
 * u'(h) = s·u(h) + Δu(h), v'(h) = s·v(h) + Δv(h), with Δu, Δv given at the profile levels and
 * interpolated linearly in height between them (held constant beyond the first and last level).
 * Temperature, pressure, density and vertical wind are those of the base model.
 */
public final class PerturbedAtmosphere implements AtmosphereModel {

  private final AtmosphereModel base;
  private final double windScale;
  private final double[] altitudesM;
  private final double[] deltaU;
  private final double[] deltaV;

  /**
   * @param base        the unperturbed model
   * @param windScale   s
   * @param altitudesM  level heights, ascending (may be empty: no per-level perturbation)
   * @param perturbationMps (Δu₀, Δv₀, Δu₁, Δv₁, …), one pair per level, or empty
   */
  public PerturbedAtmosphere(AtmosphereModel base, double windScale, double[] altitudesM,
      List<Double> perturbationMps) {
    this.base = base;
    this.windScale = windScale;
    if (perturbationMps.isEmpty()) {
      this.altitudesM = new double[0];
      this.deltaU = new double[0];
      this.deltaV = new double[0];
    } else {
      if (perturbationMps.size() != 2 * altitudesM.length) {
        throw new IllegalArgumentException("wind perturbation has " + perturbationMps.size()
            + " values for " + altitudesM.length + " levels");
      }
      this.altitudesM = altitudesM.clone();
      this.deltaU = new double[altitudesM.length];
      this.deltaV = new double[altitudesM.length];
      for (int k = 0; k < altitudesM.length; k++) {
        deltaU[k] = perturbationMps.get(2 * k);
        deltaV[k] = perturbationMps.get(2 * k + 1);
      }
    }
  }

  /** True when this changes nothing (scale 1, no level perturbation). */
  public static boolean isIdentity(double windScale, List<Double> perturbationMps) {
    return windScale == 1.0 && perturbationMps.isEmpty();
  }

  @Override
  public AtmosphereState at(double altitudeM) {
    return perturb(base.at(altitudeM), altitudeM,
        inside(altitudeM) ? lowerIndex(altitudeM, -1) : -1);
  }

  /** The base model's levels (the perturbation changes winds, not levels). */
  @Override
  public double[] levelAltitudesM() {
    return base.levelAltitudesM();
  }

  @Override
  public String levelSource() {
    return base.levelSource();
  }

  /** Whether z is strictly between the lowest and the highest level. */
  private boolean inside(double z) {
    int n = altitudesM.length;
    return n > 0 && z > altitudesM[0] && z < altitudesM[n - 1];
  }

  /**
   * A cursor over the base's cursor that also remembers its perturbation layer; its results are
   * identical to {@link #at}'s (the layer of a height is unique).
   */
  @Override
  public AtmosphereModel forTrajectory() {
    AtmosphereModel baseCursor = base.forTrajectory();
    return new AtmosphereModel() {
      private int layer = -1;

      @Override
      public AtmosphereState at(double altitudeM) {
        AtmosphereState s = baseCursor.at(altitudeM);
        if (inside(altitudeM)) {
          layer = lowerIndex(altitudeM, layer);
          return perturb(s, altitudeM, layer);
        }
        return perturb(s, altitudeM, -1);
      }
    };
  }

  /**
   * {@code s} with its wind scaled and perturbed at {@code altitudeM}; {@code lo}: its
   * {@link #lowerIndex} when it is inside the levels.
   */
  private AtmosphereState perturb(AtmosphereState s, double altitudeM, int lo) {
    double du = 0;
    double dv = 0;
    int n = altitudesM.length;
    if (n > 0) {
      if (altitudeM <= altitudesM[0]) {
        du = deltaU[0];
        dv = deltaV[0];
      } else if (altitudeM >= altitudesM[n - 1]) {
        du = deltaU[n - 1];
        dv = deltaV[n - 1];
      } else {
        int hi = lo + 1;
        double t = (altitudeM - altitudesM[lo]) / (altitudesM[hi] - altitudesM[lo]);
        du = deltaU[lo] + t * (deltaU[hi] - deltaU[lo]);
        dv = deltaV[lo] + t * (deltaV[hi] - deltaV[lo]);
      }
    }
    return new AtmosphereState(s.temperatureK(), s.pressurePa(), s.densityKgM3(),
        s.speedOfSoundMps(), s.viscosityPaS(), windScale * s.windEastMps() + du,
        windScale * s.windNorthMps() + dv, s.windUpMps());
  }

  /**
   * The level k with altitudesM[k] ≤ z &lt; altitudesM[k + 1], for z strictly inside the levels;
   * {@code guess} (or -1), if it or a neighbour is k, saves the binary search.
   */
  private int lowerIndex(double z, int guess) {
    if (guess >= 0) {
      if (isLowerIndex(guess, z)) {
        return guess;
      }
      if (isLowerIndex(guess - 1, z)) {
        return guess - 1;
      }
      if (isLowerIndex(guess + 1, z)) {
        return guess + 1;
      }
    }
    int lo = 0;
    int hi = altitudesM.length - 1;
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (altitudesM[mid] <= z) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private boolean isLowerIndex(int g, double z) {
    return g >= 0 && g + 1 < altitudesM.length && altitudesM[g] <= z && z < altitudesM[g + 1];
  }
}
