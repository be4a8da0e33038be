package org.darkflight.io.atmos.source;

/** The kind of an atmospheric source; fusion ranks and weights sources by kind. */
public enum SourceKind {
  /** A balloon sounding: temperature, pressure and wind at its own levels. */
  RADIOSONDE("radiosonde"),
  /** A weather-model or reanalysis field interpolated to the event (GFS, HRRR, ERA5). */
  MODEL("model"),
  /** Doppler-radar velocity-azimuth-display winds (no temperature or pressure). */
  RADAR_VAD("radar_vad"),
  /** The US Standard Atmosphere 1976 used to fill gaps and the top. */
  STANDARD_ATMOSPHERE("ussa76");

  private final String label;

  SourceKind(String label) {
    this.label = label;
  }

  /** The name used in JSON outputs ({@code source} fields). */
  public String label() {
    return label;
  }
}
