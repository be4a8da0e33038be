package org.darkflight.io.workbook;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;

import java.util.Map;
import org.darkflight.physics.legacy.FriesV2Result;
import org.darkflight.physics.legacy.LegacyTolerances;

/** Compares a FriesV2 result with the generated workbook's result cells. */
final class FriesV2Parity {

  private FriesV2Parity() {}

  static void assertWithinSpec(String what, FriesV2Result r, Map<String, Double> wb) {
    check(what, "offset_east_m", r.offsetEastM(), wb, LegacyTolerances.V2_OFFSET_M);
    check(what, "offset_north_m", r.offsetNorthM(), wb, LegacyTolerances.V2_OFFSET_M);
    check(what, "drift_m", r.driftM(), wb, LegacyTolerances.V2_DRIFT_M);
    check(what, "fall_time_s", r.fallTimeS(), wb, LegacyTolerances.V2_FALL_TIME_S);
    check(what, "terminal_velocity_mps", r.terminalVelocityMps(), wb,
        LegacyTolerances.V2_TERMINAL_VELOCITY_MPS);
    check(what, "impact_speed_mph", r.impactSpeedMph(), wb, LegacyTolerances.V2_SPEED_MPH);
    check(what, "density_gcm3", r.densityGcm3(), wb, LegacyTolerances.V2_DENSITY_GCM3);
    check(what, "volume_cm3", r.volumeCm3(), wb, LegacyTolerances.V2_VOLUME_CM3);
    check(what, "radius_m", r.radiusM(), wb, LegacyTolerances.V2_RADIUS_M);
    check(what, "cross_section_m2", r.crossSectionM2(), wb,
        LegacyTolerances.V2_CROSS_SECTION_M2);
  }

  private static void check(String what, String key, double java, Map<String, Double> wb,
      double tol) {
    Double expected = wb.get(key);
    assertThat(what + " " + key + " (workbook value missing)", expected != null
        && Double.isFinite(expected), org.hamcrest.Matchers.is(true));
    assertThat(what + " " + key, java, closeTo(expected, tol));
  }
}
