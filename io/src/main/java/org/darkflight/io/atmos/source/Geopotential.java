package org.darkflight.io.atmos.source;

import org.darkflight.physics.Constants;

/**
 * Geopotential ↔ geometric height, as defined by the US Standard Atmosphere 1976 (NOAA-S/T
 * 76-1562, eq. 18): {@code H = r0 Z / (r0 + Z)}, hence {@code Z = r0 H / (r0 − H)}, with the
 * effective Earth radius {@code r0 = 6 356 766 m} and {@code g0 = 9.80665 m/s²}. Weather models
 * and radiosondes report geopotential (m²/s², ERA5 {@code z}) or geopotential height
 * (gpm: GFS {@code HGT}, UWyo {@code HGHT}); the trajectory works in geometric height.
 */
public final class Geopotential {

  /** Standard gravity g0, m/s² (USSA76; WMO). */
  public static final double G0_MPS2 = Constants.STANDARD_GRAVITY_MPS2;
  /** USSA76 effective Earth radius r0 for geopotential, m. */
  public static final double R0_M = Constants.USSA76_EARTH_RADIUS_M;

  private Geopotential() {}

  /** Geopotential Φ (m²/s²) → geopotential height H = Φ / g0 (m'). */
  public static double heightFromGeopotential(double geopotentialM2ps2) {
    return geopotentialM2ps2 / G0_MPS2;
  }

  /** Geopotential height H (m') → geometric height Z = r0 H / (r0 − H) (m). */
  public static double geometricFromGeopotentialHeight(double geopotentialHeightM) {
    return R0_M * geopotentialHeightM / (R0_M - geopotentialHeightM);
  }

  /** Geometric height Z (m) → geopotential height H = r0 Z / (r0 + Z) (m'). */
  public static double geopotentialHeightFromGeometric(double geometricM) {
    return R0_M * geometricM / (R0_M + geometricM);
  }
}
