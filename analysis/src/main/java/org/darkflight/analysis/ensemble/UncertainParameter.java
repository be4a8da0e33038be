package org.darkflight.analysis.ensemble;

import java.util.Locale;

/**
 * A parameter of one dark-flight simulation that an ensemble may draw from a distribution. The
 * JSON name is the key under {@code distributions} in {@code ensemble_config.json}; the nominal
 * value comes from the fragment or the event's luminous end, or is 1 for {@link #WIND_SCALE}.
 */
public enum UncertainParameter {
  MASS_KG("mass_kg", 0, Double.POSITIVE_INFINITY, true),
  DENSITY_KGM3("density_kgm3", 0, Double.POSITIVE_INFINITY, true),
  CD("cd", 0, Double.POSITIVE_INFINITY, true),
  SHAPE_FACTOR("shape_factor", 0, Double.POSITIVE_INFINITY, true),
  LAT("lat", -90, 90, false),
  LON("lon", -180, 360, false),
  ALTITUDE_M("altitude_m", -500, 200_000, false),
  SPEED_MPS("speed_mps", 0, 80_000, false),
  AZIMUTH_DEG("azimuth_deg", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false),
  ELEVATION_DEG("elevation_deg", 0, 90, false),
  /** Multiplier on every level's horizontal wind (nominal 1). */
  WIND_SCALE("wind_scale", 0, Double.POSITIVE_INFINITY, false);

  private final String jsonName;
  private final double min;
  private final double max;
  private final boolean positive;

  UncertainParameter(String jsonName, double min, double max, boolean positive) {
    this.jsonName = jsonName;
    this.min = min;
    this.max = max;
    this.positive = positive;
  }

  /** The key in {@code ensemble_config.json}. */
  public String jsonName() {
    return jsonName;
  }

  /** Smallest physically valid value (exclusive when {@link #strictlyPositive()}). */
  public double min() {
    return min;
  }

  /** Largest physically valid value. */
  public double max() {
    return max;
  }

  /** True when the value must be &gt; 0 (masses, densities, drag and shape factors). */
  public boolean strictlyPositive() {
    return positive;
  }

  /** Looks a parameter up by its JSON name, or returns null. */
  public static UncertainParameter byJsonName(String name) {
    for (UncertainParameter p : values()) {
      if (p.jsonName.equals(name.toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    return null;
  }
}
