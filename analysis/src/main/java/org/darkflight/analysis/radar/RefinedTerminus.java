package org.darkflight.analysis.radar;

import org.darkflight.physics.LuminousEnd;

/**
 * The terminus refined from the calculated termini of the solved returns.
 *
 * @param luminousEnd        the event's luminous end moved to the refined position (same time,
 *                           altitude, speed and direction)
 * @param eastM              east offset from the event's terminus, m
 * @param northM             north offset from the event's terminus, m
 * @param returnsUsed        number of solved returns combined
 * @param effectiveCount     effective number of returns, (Σw)²/Σw² with w the confidences
 * @param scatterCovEnM2     weighted scatter of the calculated termini about their centroid, m²
 *                           (zeros for one return)
 * @param measurementCovEnM2 covariance of the weighted centroid from the returns' position
 *                           uncertainties, Σw²C/(Σw)², m²
 * @param covarianceEnM2     reported covariance of the refined terminus: measurement + scatter /
 *                           effective count (conservative: both sources added), m²
 */
public record RefinedTerminus(
    LuminousEnd luminousEnd,
    double eastM,
    double northM,
    int returnsUsed,
    double effectiveCount,
    double[][] scatterCovEnM2,
    double[][] measurementCovEnM2,
    double[][] covarianceEnM2) {

  /** 1-σ semi-major axis of the covariance ellipse, m. */
  public double semiMajorM() {
    return Math.sqrt(eigen()[0]);
  }

  /** 1-σ semi-minor axis of the covariance ellipse, m. */
  public double semiMinorM() {
    return Math.sqrt(Math.max(0.0, eigen()[1]));
  }

  /** Orientation of the major axis, degrees clockwise from north [0, 180). */
  public double orientationDeg() {
    double ee = covarianceEnM2[0][0];
    double nn = covarianceEnM2[1][1];
    double en = covarianceEnM2[0][1];
    // Angle from east counter-clockwise of the major axis: ½·atan2(2·en, ee − nn).
    double fromEast = 0.5 * Math.atan2(2 * en, ee - nn);
    double bearing = 90.0 - Math.toDegrees(fromEast);
    bearing = bearing % 180.0;
    return bearing < 0 ? bearing + 180.0 : bearing;
  }

  private double[] eigen() {
    double ee = covarianceEnM2[0][0];
    double nn = covarianceEnM2[1][1];
    double en = covarianceEnM2[0][1];
    double mean = 0.5 * (ee + nn);
    double d = Math.sqrt(0.25 * (ee - nn) * (ee - nn) + en * en);
    return new double[] {mean + d, mean - d};
  }
}
