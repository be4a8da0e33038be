package org.darkflight.physics;

/**
 * Physical constants of the physics core, each stated once with its source. Everything else
 * refers to these fields.
 */
public final class Constants {

  private Constants() {}

  // --- US Standard Atmosphere 1976 (NOAA/NASA/USAF, NOAA-S/T 76-1562, 1976, Table 2 / §1.2) ---

  /** Standard gravity g₀, m/s² (USSA76; also the CGPM 1901 conventional value). */
  public static final double STANDARD_GRAVITY_MPS2 = 9.80665;

  /** Universal gas constant R* as used by USSA76, J/(mol·K). */
  public static final double USSA76_GAS_CONSTANT = 8.31432;

  /** Mean molar mass of sea-level air M₀ (USSA76), kg/mol. */
  public static final double USSA76_MOLAR_MASS_AIR = 0.0289644;

  /**
   * Specific gas constant of dry air R = R* / M₀ (USSA76), J/(kg·K) ≈ 287.053: the one value of
   * every ideal-gas relation p = ρ R T outside the legacy parity code (USSA76, profile density
   * checks, atmospheric fusion).
   */
  public static final double GAS_CONSTANT_AIR = USSA76_GAS_CONSTANT / USSA76_MOLAR_MASS_AIR;

  /**
   * Specific gas constant of dry air of the legacy Fries/Jormungandr v4.2 workbook, J/(kg·K):
   * 287.05, the rounded textbook value. Used only by {@code physics.legacy}, which reproduces the
   * workbook to its own constants (docs/legacy.md); everything else uses
   * {@link #GAS_CONSTANT_AIR}.
   */
  public static final double LEGACY_WORKBOOK_GAS_CONSTANT_AIR = 287.05;

  /** Ratio of specific heats of air γ (USSA76). */
  public static final double HEAT_CAPACITY_RATIO_AIR = 1.4;

  /** Sea-level pressure P₀ (USSA76), Pa. */
  public static final double SEA_LEVEL_PRESSURE_PA = 101_325.0;

  /** Sea-level temperature T₀ (USSA76), K. */
  public static final double SEA_LEVEL_TEMPERATURE_K = 288.15;

  /**
   * Earth radius r₀ used by USSA76 to convert geometric to geopotential height, m (NOAA-S/T
   * 76-1562, eq. 18). Only for geopotential; distances over the Earth use
   * {@link #MEAN_EARTH_RADIUS_M}.
   */
  public static final double USSA76_EARTH_RADIUS_M = 6_356_766.0;

  /** Sutherland constant β of the USSA76 viscosity law, kg/(m·s·K^½). */
  public static final double SUTHERLAND_BETA = 1.458e-6;

  /** Sutherland temperature S of the USSA76 viscosity law, K. */
  public static final double SUTHERLAND_TEMPERATURE_K = 110.4;

  // --- WGS84 (NIMA TR8350.2, 3rd edition, 2000, Tables 3.1 and 3.3) ---

  /** WGS84 semi-major axis a, m. */
  public static final double WGS84_SEMI_MAJOR_AXIS_M = 6_378_137.0;

  /** WGS84 flattening f = 1/298.257223563. */
  public static final double WGS84_FLATTENING = 1.0 / 298.257223563;

  /** WGS84 Earth gravitational constant GM (with atmosphere), m³/s². */
  public static final double WGS84_GM_M3PS2 = 3.986004418e14;

  /** WGS84 nominal mean angular velocity of the Earth ω, rad/s. */
  public static final double WGS84_ANGULAR_VELOCITY_RADPS = 7.292115e-5;

  /** WGS84 normal gravity at the equator γ_e (TR8350.2 Table 3.3), m/s². */
  public static final double WGS84_GRAVITY_EQUATOR_MPS2 = 9.7803253359;

  /** WGS84 normal gravity at the poles γ_p (TR8350.2 Table 3.3), m/s². */
  public static final double WGS84_GRAVITY_POLE_MPS2 = 9.8321849378;

  /**
   * Mean Earth radius R₁ = (2a + b)/3 of the WGS84 (GRS80) ellipsoid, 6 371 008.8 m rounded
   * (H. Moritz, "Geodetic Reference System 1980", J. Geodesy 74, 128–133, 2000): the sphere of
   * approximate spherical formulas — great-circle distances between sounding sites and the
   * event in atmospheric fusion, the 4/3-Earth radar beam height of VAD winds.
   */
  public static final double MEAN_EARTH_RADIUS_M = 6_371_008.8;
}
