package org.darkflight.io.geo;

/**
 * Names and schema versions of the geospatial artifacts (one place per fact). The JSON Schemas
 * live in {@code /schemas/<artifact>.schema.json} and on the classpath under {@code schemas/}.
 */
public final class GeoSchemas {

  /** File name of the landing-point GeoJSON. */
  public static final String POINTS_FILE = "strewn_field_points.geojson";
  /** File name of the ellipse GeoJSON. */
  public static final String ELLIPSES_FILE = "uncertainty_ellipses.geojson";
  /** File name of the KML document. */
  public static final String KML_FILE = "strewn_field.kml";
  /** File name of the KMZ package. */
  public static final String KMZ_FILE = "strewn_field.kmz";

  /** Schema version of {@value #POINTS_FILE} (its {@code meta.schema_version}). */
  public static final String POINTS_SCHEMA_VERSION = "1.0.0";
  /** Schema version of {@value #ELLIPSES_FILE}. */
  public static final String ELLIPSES_SCHEMA_VERSION = "1.0.0";
  /** Version of the provenance JSON embedded in the KML description. */
  public static final String KML_SCHEMA_VERSION = "1.0.0";

  /** Classpath resource of the points schema. */
  public static final String POINTS_SCHEMA_RESOURCE = "schemas/strewn_field_points.schema.json";
  /** Classpath resource of the ellipses schema. */
  public static final String ELLIPSES_SCHEMA_RESOURCE = "schemas/uncertainty_ellipses.schema.json";

  private GeoSchemas() {}
}
