package org.darkflight.transforms.fit;

import org.darkflight.analysis.ensemble.EventPlane;
import org.darkflight.analysis.ensemble.MassClassBins;

import java.util.ArrayList;
import java.util.List;
import org.darkflight.io.geo.EastNorthCovariance;
import org.darkflight.io.geo.EllipseFeature;
import org.darkflight.io.geo.LatLon;

/**
 * Turns fitted scatter into confidence ellipses (docs/outputs.md): for each mass class with at least
 * {@link #MIN_SAMPLES} landings and each confidence level p, the ellipse
 * (x − μ)ᵀ C⁻¹ (x − μ) = k², k² = −2 ln(1 − p), the χ² quantile with 2 degrees of freedom,
 * which holds the fraction p of a bivariate normal (e.g. Wang et al. 2015, Geogr. Anal. 47;
 * Johnson &amp; Wichern, Applied Multivariate Statistical Analysis, 6th ed., §4.2). Axes and ring
 * come from {@link EllipseFeature#fromCovariance}; the centre is the mean mapped back to WGS84
 * through the event plane.
 */
public final class ConfidenceEllipses {

  /** Default confidence levels. */
  public static final List<Double> DEFAULT_LEVELS = List.of(0.5, 0.9, 0.99);
  /** Fewest landings for an ellipse (fewer: the class is reported, not drawn). */
  public static final long MIN_SAMPLES = 3;

  private ConfidenceEllipses() {}

  /** Scale k of the p ellipse of a bivariate normal: √(−2 ln(1 − p)). */
  public static double chiSquare2Scale(double p) {
    return Math.sqrt(-2 * Math.log1p(-p));
  }

  /**
   * Ellipse features of every fit with enough samples and a non-degenerate covariance, ordered by
   * mass class, then confidence level.
   */
  public static List<EllipseFeature> features(List<EllipseFit> fits, EventPlane plane,
      MassClassBins classes, List<Double> levels) {
    List<EllipseFit> sorted = new ArrayList<>(fits);
    sorted.sort((a, b) -> Integer.compare(a.getMassClassIndex(), b.getMassClassIndex()));
    List<EllipseFeature> out = new ArrayList<>();
    for (EllipseFit f : sorted) {
      if (!drawable(f)) {
        continue;
      }
      EastNorthCovariance cov = new EastNorthCovariance(f.getCovEeM2(), f.getCovEnM2(),
          f.getCovNnM2());
      LatLon centre = plane.toLatLon(f.getMeanEastM(), f.getMeanNorthM());
      for (double p : levels) {
        out.add(EllipseFeature.fromCovariance(classes.label(f.getMassClassIndex()),
            f.getMassClassIndex(), p, f.getCount(), centre, cov,
            EllipseFeature.DEFAULT_VERTEX_COUNT));
      }
    }
    return out;
  }

  /**
   * True when a fit has enough samples and both principal variances are positive (the minor one
   * above 1e-9 of the major one).
   */
  public static boolean drawable(EllipseFit f) {
    if (f.getCount() < MIN_SAMPLES) {
      return false;
    }
    double det = f.getCovEeM2() * f.getCovNnM2() - f.getCovEnM2() * f.getCovEnM2();
    if (!(f.getCovEeM2() > 0 && f.getCovNnM2() > 0
        && det > 1e-12 * f.getCovEeM2() * f.getCovNnM2())) {
      return false;
    }
    // Nearly collinear landings (e.g. only the mass is uncertain): the minor variance, computed
    // as a difference of nearly equal numbers, can round to 0; such a class has no ellipse.
    EastNorthCovariance cov = new EastNorthCovariance(f.getCovEeM2(), f.getCovEnM2(),
        f.getCovNnM2());
    return cov.minorVarianceM2() > 1e-9 * cov.majorVarianceM2();
  }
}
