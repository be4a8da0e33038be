package org.darkflight.physics.ablation;

import org.darkflight.physics.Fragment;

/**
 * {@code classical}: the mass equation of single-body meteor physics (Ceplecha et al., "Meteor
 * phenomena and bodies", Space Sci. Rev. 84, 327–471, 1998; V. A. Bronshten,, Physics of
 * Meteoric Phenomena, 1983): dm/dt = −(Λ / 2Q) S ρ_a v³ = −σ Γ S ρ_a v³, with the drag factor
 * Γ = C_d/2 and the ablation coefficient σ = Λ/(2 Q Γ).
 *
 * <p>Parameters: {@code sigma} σ in s²/m² if given; otherwise, if {@code Q_star} (the effective
 * heat of ablation Q* = Q/Λ, J/kg) is given, dm/dt = −S ρ_a v³ / (2 Q*); otherwise σ is the
 * typical value for the fragment's bulk density ({@link AblationModel#typicalSigmaS2PerM2}).
 * Γ follows the drag model, so σ-based mass loss tracks C_d(Mach).
 */
public final class ClassicalAblation implements AblationModel {

  private final double sigma;
  private final double qStar;

  /**
   * @param sigmaS2PerM2 σ, s²/m², or NaN
   * @param qStarJPerKg  effective heat of ablation Q*, J/kg, or NaN
   */
  public ClassicalAblation(double sigmaS2PerM2, double qStarJPerKg) {
    this.sigma = AblationModel.optionalNonNegative("sigma", sigmaS2PerM2);
    this.qStar = AblationModel.optionalNonNegative("Q_star", qStarJPerKg);
    if (qStar == 0.0) {
      throw new IllegalArgumentException("ablation.Q_star must be > 0");
    }
  }

  /** Uses the drag coefficient in use, not the fragment's cd. */
  @Override
  public boolean usesFragmentCd() {
    return false;
  }

  @Override
  public double massRateKgPerS(double crossSectionM2, double airDensityKgM3, double airSpeedMps,
      double cd, Fragment fragment) {
    double energyFlux = crossSectionM2 * airDensityKgM3 * airSpeedMps * airSpeedMps * airSpeedMps;
    if (!Double.isNaN(sigma)) {
      return -sigma * 0.5 * cd * energyFlux;
    }
    if (!Double.isNaN(qStar)) {
      return -energyFlux / (2.0 * qStar);
    }
    return -AblationModel.typicalSigmaS2PerM2(fragment.densityKgM3()) * 0.5 * cd * energyFlux;
  }
}
