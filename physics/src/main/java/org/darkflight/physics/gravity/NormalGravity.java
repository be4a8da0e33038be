package org.darkflight.physics.gravity;

import org.darkflight.physics.Constants;
import org.darkflight.physics.geodesy.Wgs84;

/**
 * {@code wgs84_local}: WGS84 normal gravity. On the ellipsoid the closed formula of Somigliana,
 * γ₀(φ) = γ_e (1 + k sin²φ) / √(1 − e² sin²φ), k = (b γ_p − a γ_e)/(a γ_e) (NIMA TR8350.2,
 * Eq. 4-1); above it the second-order expansion in height of TR8350.2 Eq. 4-3,
 * γ(φ, h) = γ₀ [1 − (2/a)(1 + f + m − 2 f sin²φ) h + (3/a²) h²], m = ω² a² b / GM.
 */
public final class NormalGravity implements GravityModel {

  /** The shared instance. */
  public static final NormalGravity INSTANCE = new NormalGravity();

  private static final double GAMMA_E = Constants.WGS84_GRAVITY_EQUATOR_MPS2;
  private static final double GAMMA_P = Constants.WGS84_GRAVITY_POLE_MPS2;
  private static final double K = (Wgs84.B * GAMMA_P - Wgs84.A * GAMMA_E) / (Wgs84.A * GAMMA_E);
  private static final double M = Wgs84.OMEGA * Wgs84.OMEGA * Wgs84.A * Wgs84.A * Wgs84.B
      / Wgs84.GM;

  private NormalGravity() {}

  /** Normal gravity on the ellipsoid (Somigliana), m/s². */
  public static double onEllipsoidMps2(double sinLatitude) {
    double s2 = sinLatitude * sinLatitude;
    return GAMMA_E * (1.0 + K * s2) / Math.sqrt(1.0 - Wgs84.E2 * s2);
  }

  @Override
  public double magnitudeMps2(double sinLatitude, double heightM) {
    double s2 = sinLatitude * sinLatitude;
    double a = Wgs84.A;
    double f = Wgs84.F;
    return onEllipsoidMps2(sinLatitude)
        * (1.0 - 2.0 / a * (1.0 + f + M - 2.0 * f * s2) * heightM
            + 3.0 / (a * a) * heightM * heightM);
  }
}
