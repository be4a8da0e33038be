package org.darkflight.io.geo;

/**
 * Settings of the geospatial writers.
 *
 * @param geoPrecisionDecimals  decimals of latitude/longitude in GeoJSON and KML: 6 (default,
 *                              ~0.11 m) or 5 (~1.1 m, smaller files); docs/outputs.md. Other values are
 *                              rejected.
 * @param kmlMaxPoints          most fragment placemarks in the KML; larger ensembles are reduced to
 *                              a deterministic stratified subset (GeoJSON always holds every
 *                              sample). &gt;= 1.
 * @param trajectoriesEnabled   whether the KML gets the "Trajectories" folder
 * @param geojsonWritten        whether the GeoJSON files are written beside the KML, so that the
 *                              KML may point to them ({@code [output] geojson_generate})
 */
public record GeoOutputOptions(int geoPrecisionDecimals, int kmlMaxPoints,
    boolean trajectoriesEnabled, boolean geojsonWritten) {

  /** Default decimals of latitude/longitude. */
  public static final int DEFAULT_PRECISION_DECIMALS = 6;
  /** Default cap on fragment placemarks in the KML. */
  public static final int DEFAULT_KML_MAX_POINTS = 5_000;

  /** Options of a run that writes the GeoJSON beside the KML. */
  public GeoOutputOptions(int geoPrecisionDecimals, int kmlMaxPoints,
      boolean trajectoriesEnabled) {
    this(geoPrecisionDecimals, kmlMaxPoints, trajectoriesEnabled, true);
  }

  public GeoOutputOptions {
    if (geoPrecisionDecimals != 5 && geoPrecisionDecimals != 6) {
      throw new IllegalArgumentException(
          "geo_precision_decimals must be 5 or 6, got " + geoPrecisionDecimals);
    }
    if (kmlMaxPoints < 1) {
      throw new IllegalArgumentException("kml_max_points must be >= 1, got " + kmlMaxPoints);
    }
  }

  /** 6 decimals, {@value #DEFAULT_KML_MAX_POINTS} KML placemarks, trajectories on. */
  public static GeoOutputOptions defaults() {
    return new GeoOutputOptions(DEFAULT_PRECISION_DECIMALS, DEFAULT_KML_MAX_POINTS, true);
  }

  public GeoOutputOptions withPrecisionDecimals(int decimals) {
    return new GeoOutputOptions(decimals, kmlMaxPoints, trajectoriesEnabled, geojsonWritten);
  }

  public GeoOutputOptions withKmlMaxPoints(int maxPoints) {
    return new GeoOutputOptions(geoPrecisionDecimals, maxPoints, trajectoriesEnabled,
        geojsonWritten);
  }

  public GeoOutputOptions withTrajectories(boolean enabled) {
    return new GeoOutputOptions(geoPrecisionDecimals, kmlMaxPoints, enabled, geojsonWritten);
  }

  /** The same options for a KML written with or without the GeoJSON beside it. */
  public GeoOutputOptions withGeojsonWritten(boolean written) {
    return new GeoOutputOptions(geoPrecisionDecimals, kmlMaxPoints, trajectoriesEnabled,
        written);
  }
}
