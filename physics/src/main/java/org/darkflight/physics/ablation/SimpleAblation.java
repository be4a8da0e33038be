package org.darkflight.physics.ablation;

import org.darkflight.physics.Fragment;

/**
 * {@code simple}: mass loss with one constant coefficient, dm/dt = −k_ab S ρ_a v³ (the classical
 * law of {@link ClassicalAblation} with σΓ frozen at one value, as in the "c_ml" form of the
 * Desert Fireball Network code, {@code DFN_DarkFlight.py::EarthDynamics}).
 *
 * <p>k_ab in s²/m²: {@code k_ab} if given; else 1/(2 Q*) if {@code Q_star} is given; else
 * σ_typical(ρ_m) · C_d/2 with the fragment's own {@code cd}.
 */
public final class SimpleAblation implements AblationModel {

  private final double kAb;
  private final double qStar;

  /**
   * @param kAbS2PerM2   k_ab, s²/m², or NaN
   * @param qStarJPerKg  effective heat of ablation Q*, J/kg, or NaN
   */
  public SimpleAblation(double kAbS2PerM2, double qStarJPerKg) {
    this.kAb = AblationModel.optionalNonNegative("k_ab", kAbS2PerM2);
    this.qStar = AblationModel.optionalNonNegative("Q_star", qStarJPerKg);
    if (qStar == 0.0) {
      throw new IllegalArgumentException("ablation.Q_star must be > 0");
    }
  }

  @Override
  public double massRateKgPerS(double crossSectionM2, double airDensityKgM3, double airSpeedMps,
      double cd, Fragment fragment) {
    double k;
    if (!Double.isNaN(kAb)) {
      k = kAb;
    } else if (!Double.isNaN(qStar)) {
      k = 1.0 / (2.0 * qStar);
    } else {
      k = AblationModel.typicalSigmaS2PerM2(fragment.densityKgM3()) * 0.5 * fragment.cd();
    }
    return -k * crossSectionM2 * airDensityKgM3 * airSpeedMps * airSpeedMps * airSpeedMps;
  }
}
