package org.darkflight.analysis.uq;

/** The calibrated parameters, in the order of the parameter vectors. */
public enum CalibrationParameter {
  /** Shift of the luminous end along the direction of flight, m (baseline 0). */
  ALONG_TRACK_M("along_track_offset_m", 0, 1000),
  /** Shift of the luminous end 90° to the right of the direction of flight, m (baseline 0). */
  CROSS_TRACK_M("cross_track_offset_m", 0, 1000),
  /** Multiplier on the drag coefficient (baseline 1). */
  CD_SCALE("cd_scale", 1, 0.1),
  /** Multiplier on the wind (baseline 1). */
  WIND_SCALE("wind_scale", 1, 0.1),
  /** Bulk density of the fragments, kg/m³ (baseline: the fragment's). */
  DENSITY_KG_M3("density_kg_m3", Double.NaN, 300);

  private final String key;
  private final double baseline;
  private final double scale;

  CalibrationParameter(String key, double baseline, double scale) {
    this.key = key;
    this.baseline = baseline;
    this.scale = scale;
  }

  /** JSON key. */
  public String key() {
    return key;
  }

  /** Default baseline value (NaN: taken from the inputs). */
  public double defaultBaseline() {
    return baseline;
  }

  /** Typical scale, used to normalise the optimiser's variables. */
  public double scale() {
    return scale;
  }
}
