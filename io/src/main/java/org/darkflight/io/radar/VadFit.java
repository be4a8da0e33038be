package org.darkflight.io.radar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.darkflight.physics.Constants;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;

/**
 * Velocity-azimuth display (VAD) wind retrieval: Lhermitte &amp; Atlas (1961), Browning &amp;
 * Wexler (1968, J. Appl. Meteor. 7, 105–113).
 *
 * <p>For a linear wind field around the radar, the radial velocity of a gate at azimuth φ
 * (clockwise from north) and elevation θ is
 * {@code Vr(φ) = a0 + a1 sin φ + a2 cos φ} with {@code a1 = u cos θ}, {@code a2 = v cos θ} and
 * {@code a0 = w sin θ + (r cos²θ / 2) · div}. The coefficients are found by linear least squares
 * (Householder QR, Hipparchus {@link QRDecomposition}); their standard errors come from
 * {@code σ̂² (AᵀA)⁻¹ = σ̂² R⁻¹R⁻ᵀ} with {@code σ̂² = RSS / (n − 3)}. The vertical wind is
 * reported as {@code a0 / sin θ}, i.e. under the assumption of zero horizontal divergence
 * (a single ring cannot separate the two).
 *
 * <p>Beam height uses the 4/3-Earth model (Doviak &amp; Zrnić 1993, Doppler Radar and Weather
 * Observations, eq. 2.28b): {@code h = sqrt(r² + (kₑa)² + 2 r kₑa sin θ) − kₑa + h₀},
 * kₑ = 4/3, a = the mean Earth radius {@link Constants#MEAN_EARTH_RADIUS_M}.
 */
public final class VadFit {

  /** Effective-Earth-radius factor for standard refraction. */
  public static final double K_E = 4.0 / 3.0;
  /** Mean Earth radius, m. */
  public static final double EARTH_RADIUS_M = Constants.MEAN_EARTH_RADIUS_M;
  /** Fewest valid gates accepted on a ring. */
  public static final int MIN_POINTS = 8;
  /** Largest azimuth gap (degrees) that still constrains the sinusoid well. */
  public static final double MAX_AZIMUTH_GAP_DEG = 90.0;

  private VadFit() {}

  /** Beam-centre height above mean sea level of a gate, m (4/3-Earth model). */
  public static double beamHeightM(double rangeM, double elevationDeg, double radarHeightM) {
    double kea = K_E * EARTH_RADIUS_M;
    double s = Math.sin(Math.toRadians(elevationDeg));
    return Math.sqrt(rangeM * rangeM + kea * kea + 2 * rangeM * kea * s) - kea + radarHeightM;
  }

  /**
   * Fits one ring.
   *
   * @param ring         the gate's radial velocities around the sweep
   * @param radarHeightM antenna height above mean sea level, m
   * @throws IllegalArgumentException with fewer than {@link #MIN_POINTS} valid velocities or an
   *     azimuth gap above {@link #MAX_AZIMUTH_GAP_DEG}
   */
  public static VadEstimate fit(VadRing ring, double radarHeightM) {
    List<double[]> pts = new ArrayList<>();
    for (int k = 0; k < ring.azimuthsDeg().length; k++) {
      double vr = ring.radialMps()[k];
      double az = ring.azimuthsDeg()[k];
      if (Double.isFinite(vr) && Double.isFinite(az)) {
        pts.add(new double[] {az, vr});
      }
    }
    int n = pts.size();
    if (n < MIN_POINTS) {
      throw new IllegalArgumentException("VAD ring at range " + ring.rangeM() + " m, elevation "
          + ring.elevationDeg() + " deg has " + n + " valid velocities, needs " + MIN_POINTS);
    }
    double gap = largestAzimuthGapDeg(pts);
    if (gap > MAX_AZIMUTH_GAP_DEG) {
      throw new IllegalArgumentException("VAD ring at range " + ring.rangeM() + " m has an "
          + "azimuth gap of " + gap + " deg (max " + MAX_AZIMUTH_GAP_DEG + ")");
    }
    RealMatrix a = new Array2DRowRealMatrix(n, 3);
    RealVector b = new ArrayRealVector(n);
    for (int k = 0; k < n; k++) {
      double phi = Math.toRadians(pts.get(k)[0]);
      a.setEntry(k, 0, 1.0);
      a.setEntry(k, 1, Math.sin(phi));
      a.setEntry(k, 2, Math.cos(phi));
      b.setEntry(k, pts.get(k)[1]);
    }
    QRDecomposition qr = new QRDecomposition(a);
    RealVector coef = qr.getSolver().solve(b);
    RealVector resid = b.subtract(a.operate(coef));
    double rss = resid.dotProduct(resid);
    double sigma2 = rss / (n - 3);
    RealMatrix r = qr.getR().getSubMatrix(0, 2, 0, 2);
    RealMatrix rInv = new QRDecomposition(r).getSolver().getInverse();
    RealMatrix cov = rInv.multiply(rInv.transpose()).scalarMultiply(sigma2);

    double theta = Math.toRadians(ring.elevationDeg());
    double cos = Math.cos(theta);
    double sin = Math.sin(theta);
    return new VadEstimate(
        beamHeightM(ring.rangeM(), ring.elevationDeg(), radarHeightM),
        coef.getEntry(1) / cos,
        coef.getEntry(2) / cos,
        coef.getEntry(0) / sin,
        Math.sqrt(cov.getEntry(1, 1)) / cos,
        Math.sqrt(cov.getEntry(2, 2)) / cos,
        Math.sqrt(cov.getEntry(0, 0)) / sin,
        Math.sqrt(rss / n),
        n);
  }

  /**
   * Fits every ring and merges estimates whose heights fall in the same {@code binM} layer by
   * inverse-variance weighting; the result is sorted by altitude. Rings that cannot be fitted
   * (too few points, gaps) are skipped.
   */
  public static List<VadEstimate> profile(List<VadRing> rings, double radarHeightM, double binM) {
    List<VadEstimate> fits = new ArrayList<>();
    for (VadRing ring : rings) {
      try {
        fits.add(fit(ring, radarHeightM));
      } catch (IllegalArgumentException skipped) {
        // an unusable ring carries no information; the rest of the profile stands
        continue;
      }
    }
    fits.sort(Comparator.comparingDouble(VadEstimate::altitudeM));
    List<VadEstimate> out = new ArrayList<>();
    int k = 0;
    while (k < fits.size()) {
      long bin = (long) Math.floor(fits.get(k).altitudeM() / binM);
      List<VadEstimate> group = new ArrayList<>();
      while (k < fits.size() && (long) Math.floor(fits.get(k).altitudeM() / binM) == bin) {
        group.add(fits.get(k++));
      }
      out.add(merge(group));
    }
    return out;
  }

  private static VadEstimate merge(List<VadEstimate> g) {
    if (g.size() == 1) {
      return g.get(0);
    }
    double[] num = new double[4];
    double[] den = new double[4];
    double rms2 = 0;
    int n = 0;
    for (VadEstimate e : g) {
      double[] val = {e.altitudeM(), e.windUMps(), e.windVMps(), e.windWMps()};
      double[] sig = {Math.hypot(e.sigmaUMps(), e.sigmaVMps()), e.sigmaUMps(), e.sigmaVMps(),
          e.sigmaWMps()};
      for (int q = 0; q < 4; q++) {
        double w = 1.0 / Math.max(sig[q] * sig[q], 1e-12);
        num[q] += w * val[q];
        den[q] += w;
      }
      rms2 += e.rmsResidualMps() * e.rmsResidualMps() * e.points();
      n += e.points();
    }
    return new VadEstimate(num[0] / den[0], num[1] / den[1], num[2] / den[2], num[3] / den[3],
        Math.sqrt(1 / den[1]), Math.sqrt(1 / den[2]), Math.sqrt(1 / den[3]),
        Math.sqrt(rms2 / n), n);
  }

  private static double largestAzimuthGapDeg(List<double[]> pts) {
    double[] az = pts.stream().mapToDouble(p -> ((p[0] % 360) + 360) % 360).sorted().toArray();
    double gap = 360 - az[az.length - 1] + az[0];
    for (int k = 1; k < az.length; k++) {
      gap = Math.max(gap, az[k] - az[k - 1]);
    }
    return gap;
  }
}
