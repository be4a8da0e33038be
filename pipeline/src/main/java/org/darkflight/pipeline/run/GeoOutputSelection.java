package org.darkflight.pipeline.run;

/**
 * Which strewn-field files a run writes and with how many decimals of latitude/longitude: the
 * {@code [output]} keys of the layered configuration (docs/operations.md).
 *
 * @param geoPrecisionDecimals decimals of latitude/longitude in the GeoJSON and KML: 6 (~0.11 m)
 *                             or 5 (~1.1 m); other values are refused
 * @param kml                  whether {@code strewn_field.kml} and {@code strewn_field.kmz} are
 *                             written ({@code kml_generate})
 * @param geojson              whether {@code strewn_field_points.geojson} and
 *                             {@code uncertainty_ellipses.geojson} are written
 *                             ({@code geojson_generate})
 */
public record GeoOutputSelection(int geoPrecisionDecimals, boolean kml, boolean geojson) {

  /** Checks the decimals. */
  public GeoOutputSelection {
    if (geoPrecisionDecimals != 5 && geoPrecisionDecimals != 6) {
      throw new IllegalArgumentException("geo_precision_decimals must be 5 or 6, got "
          + geoPrecisionDecimals);
    }
  }

  /** Everything written, 6 decimals. */
  public static GeoOutputSelection defaults() {
    return new GeoOutputSelection(6, true, true);
  }
}
