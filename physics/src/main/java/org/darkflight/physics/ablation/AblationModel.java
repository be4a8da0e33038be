package org.darkflight.physics.ablation;

import org.darkflight.physics.Fragment;

/**
 * Rate of mass loss of a fragment. Implementations return dm/dt ≤ 0 for every input, so the
 * mass can never grow; they are immutable and thread-safe. Plugins provide one through an
 * {@link AblationModelProvider}; {@code physics.models.PhysicsModels} makes the one a
 * configuration selects.
 */
@FunctionalInterface
public interface AblationModel {

  /**
   * dm/dt, kg/s (≤ 0).
   *
   * @param crossSectionM2 current cross-section S, m²
   * @param airDensityKgM3 air density ρ_a, kg/m³
   * @param airSpeedMps    speed relative to the air |v_rel|, m/s
   * @param cd             current drag coefficient
   * @param fragment       the fragment (bulk density selects defaults)
   */
  double massRateKgPerS(double crossSectionM2, double airDensityKgM3, double airSpeedMps,
      double cd, Fragment fragment);

  /**
   * Whether the model reads {@link Fragment#cd()} (it gets the drag coefficient in use as
   * {@code cd} anyway). True unless a model says otherwise.
   */
  default boolean usesFragmentCd() {
    return true;
  }

  /** Whether the model can change the mass (false only for {@link #NONE}). */
  default boolean changesMass() {
    return true;
  }

  /** No ablation: the mass is constant. */
  AblationModel NONE = new AblationModel() {
    @Override
    public double massRateKgPerS(double crossSectionM2, double airDensityKgM3,
        double airSpeedMps, double cd, Fragment fragment) {
      return 0.0;
    }

    @Override
    public boolean changesMass() {
      return false;
    }

    @Override
    public boolean usesFragmentCd() {
      return false;
    }
  };

  /**
   * Typical ablation coefficient σ by bulk density, s²/m², after the fireball types of
   * Z. Ceplecha and R. E. McCrosky, J. Geophys. Res. 81, 6257 (1976) and Ceplecha et al.,
   * Space Sci. Rev. 84, 327 (1998), as tabulated by the Desert Fireball Network
   * ({@code DFN_DarkFlight.py::InitialiseParams}): iron (&gt; 5000 kg/m³) 0.07 s²/km²; ordinary
   * chondrite (2500–5000, type I) 0.014; carbonaceous (1500–2500, type II) 0.042; cometary
   * (≤ 1500, type IIIA) 0.1 s²/km².
   */
  static double typicalSigmaS2PerM2(double densityKgM3) {
    double sigmaPerKm2;
    if (densityKgM3 > 5000) {
      sigmaPerKm2 = 0.07;
    } else if (densityKgM3 > 2500) {
      sigmaPerKm2 = 0.014;
    } else if (densityKgM3 > 1500) {
      sigmaPerKm2 = 0.042;
    } else {
      sigmaPerKm2 = 0.1;
    }
    return sigmaPerKm2 * 1e-6;
  }

  /** Checks an optional non-negative parameter (NaN = absent). */
  static double optionalNonNegative(String name, double value) {
    if (!Double.isNaN(value) && !(value >= 0 && Double.isFinite(value))) {
      throw new IllegalArgumentException("ablation." + name
          + " must be a finite number >= 0, got " + value);
    }
    return value;
  }
}
