package org.darkflight.physics.legacy;

import java.util.List;

/**
 * Inputs of the JÖRMUNGANDR v.42 workbook: the red input cells of sheet
 * {@code particle parameters}, the pasted profile of {@code RAOB Used for Calcs} (rows 1–600) and
 * the two constants the workbook keeps in sheet {@code Vz}.
 *
 * @param startEastingM      particle parameters!B6, UTM easting of the luminous end, m
 * @param startNorthingM     particle parameters!C6, UTM northing of the luminous end, m
 * @param densityGcm3        particle parameters!B16, bulk density, g/cm³ (&gt; 0)
 * @param lowAltitudeM       particle parameters!B18, bottom of the integrated window, m
 * @param highAltitudeM      particle parameters!B19, top of the integrated window, m
 * @param massG              particle parameters!B21, meteorite mass, g (&gt; 0)
 * @param azimuthDeg         particle parameters!B24, direction of travel, compass degrees
 * @param speedMps           particle parameters!B25, initial speed, m/s (&gt; 0)
 * @param angleBelowHorizontalDeg particle parameters!B26, entry angle below the horizon, degrees
 * @param firstIterationCd   Vz!I1:I600, the drag coefficient of the first terminal-velocity
 *                           iteration (the file stores 0.6000000000000001)
 * @param gravityMps2        Vz!T19, gravity, m/s² (9.81)
 * @param profile            RAOB Used for Calcs!B1:G600, at most {@link FriesV42#ROWS} rows,
 *                           row 1 first (lowest level)
 */
public record FriesV42Inputs(
    double startEastingM,
    double startNorthingM,
    double densityGcm3,
    double lowAltitudeM,
    double highAltitudeM,
    double massG,
    double azimuthDeg,
    double speedMps,
    double angleBelowHorizontalDeg,
    double firstIterationCd,
    double gravityMps2,
    List<RaobRow> profile) {

  /** The value the workbook stores in Vz!I1:I600 (0.6 plus one unit in the last place). */
  public static final double WORKBOOK_FIRST_ITERATION_CD = 0.6000000000000001;
  /** The value of Vz!T19. */
  public static final double WORKBOOK_GRAVITY_MPS2 = 9.81;

  public FriesV42Inputs {
    requireFinite("start easting", startEastingM);
    requireFinite("start northing", startNorthingM);
    requirePositive("density", densityGcm3);
    requireFinite("low altitude", lowAltitudeM);
    requireFinite("high altitude", highAltitudeM);
    requirePositive("mass", massG);
    requireFinite("azimuth", azimuthDeg);
    requirePositive("speed", speedMps);
    requireFinite("angle below horizontal", angleBelowHorizontalDeg);
    requirePositive("first-iteration Cd", firstIterationCd);
    requirePositive("gravity", gravityMps2);
    if (profile == null || profile.isEmpty()) {
      throw new IllegalArgumentException("the RAOB profile must have at least one row");
    }
    if (profile.size() > FriesV42.ROWS) {
      throw new IllegalArgumentException("the workbook computes " + FriesV42.ROWS
          + " profile rows; got " + profile.size());
    }
    profile = List.copyOf(profile);
  }

  /** A copy with another mass, g. */
  public FriesV42Inputs withMassG(double newMassG) {
    return new FriesV42Inputs(startEastingM, startNorthingM, densityGcm3, lowAltitudeM,
        highAltitudeM, newMassG, azimuthDeg, speedMps, angleBelowHorizontalDeg, firstIterationCd,
        gravityMps2, profile);
  }

  private static void requireFinite(String what, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(what + " must be finite, got " + v);
    }
  }

  private static void requirePositive(String what, double v) {
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(what + " must be a finite number > 0, got " + v);
    }
  }
}
