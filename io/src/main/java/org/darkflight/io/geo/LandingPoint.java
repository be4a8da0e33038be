package org.darkflight.io.geo;

import java.time.Instant;

/**
 * One fragment (deterministic run) or one ensemble sample where it reaches the ground: a feature of
 * {@code strewn_field_points.geojson} and, possibly, a placemark of {@code strewn_field.kml}.
 *
 * @param fragmentId                 fragment identifier (any text; the writers escape it)
 * @param sampleIndex                ensemble sample index (&gt;= 0), or -1 for a deterministic fragment
 * @param massClass                  label of the mass class, e.g. {@code "1 g–10 g"}
 * @param massClassIndex             index of the mass class, 0 = smallest masses
 * @param latitudeDeg                geodetic latitude of impact, WGS84, degrees [-90, 90]
 * @param longitudeDeg               longitude of impact, WGS84, degrees; accepted in [-180, 360],
 *                                   stored in (-180, 180]
 * @param massFinalKg                mass at impact, kg (&gt; 0, &lt;= massInitialKg)
 * @param massInitialKg              mass at the luminous end, kg (&gt; 0)
 * @param impactSpeedMps             ground-relative speed at impact, m/s (&gt;= 0)
 * @param landingTimeUtc             time of impact, UTC
 * @param timeAloftS                 time from the luminous end to impact, s (&gt;= 0)
 * @param uncertaintyRadiusM         1-sigma horizontal position uncertainty, m (&gt;= 0), or NaN when
 *                                   unknown (written as JSON {@code null})
 * @param energyJ                    kinetic energy at impact, ½·m·v², J (&gt;= 0)
 * @param ballisticCoefficientKgM2   ballistic coefficient β = m / (Cd·S) at impact, kg/m² (&gt; 0)
 * @param dragCoefficient            drag coefficient Cd in use at impact, dimensionless (&gt; 0)
 * @param densityKgM3                bulk density of the fragment, kg/m³ (&gt; 0)
 */
public record LandingPoint(
    String fragmentId,
    long sampleIndex,
    String massClass,
    int massClassIndex,
    double latitudeDeg,
    double longitudeDeg,
    double massFinalKg,
    double massInitialKg,
    double impactSpeedMps,
    Instant landingTimeUtc,
    double timeAloftS,
    double uncertaintyRadiusM,
    double energyJ,
    double ballisticCoefficientKgM2,
    double dragCoefficient,
    double densityKgM3) {

  /** The {@link #sampleIndex} of a deterministic (non-ensemble) fragment. */
  public static final long DETERMINISTIC = -1;

  public LandingPoint {
    Checks.text("fragment_id", fragmentId);
    if (sampleIndex < DETERMINISTIC) {
      throw new IllegalArgumentException(
          "sample_index must be >= 0, or -1 for a deterministic fragment, got " + sampleIndex);
    }
    Checks.text("mass_class", massClass);
    if (massClassIndex < 0) {
      throw new IllegalArgumentException("mass_class_index must be >= 0, got " + massClassIndex);
    }
    latitudeDeg = Checks.latitude("latitude_deg", latitudeDeg);
    longitudeDeg = Checks.longitude("longitude_deg", longitudeDeg);
    Checks.positive("mass_final_kg", massFinalKg);
    Checks.positive("mass_initial_kg", massInitialKg);
    if (massFinalKg > massInitialKg) {
      throw new IllegalArgumentException("mass_final_kg (" + massFinalKg
          + ") must not exceed mass_initial_kg (" + massInitialKg + ")");
    }
    Checks.nonNegative("impact_speed_mps", impactSpeedMps);
    Checks.present("landing_time_utc", landingTimeUtc);
    Checks.nonNegative("time_aloft_s", timeAloftS);
    if (!Double.isNaN(uncertaintyRadiusM)) {
      Checks.nonNegative("uncertainty_radius_m", uncertaintyRadiusM);
    }
    Checks.nonNegative("energy_J", energyJ);
    Checks.positive("ballistic_coefficient_kg_m2", ballisticCoefficientKgM2);
    Checks.positive("drag_coefficient", dragCoefficient);
    Checks.positive("density_kg_m3", densityKgM3);
  }

  /** True for a deterministic fragment (not an ensemble sample). */
  public boolean deterministic() {
    return sampleIndex == DETERMINISTIC;
  }

  /** True when {@link #uncertaintyRadiusM} is known. */
  public boolean hasUncertaintyRadius() {
    return !Double.isNaN(uncertaintyRadiusM);
  }
}
