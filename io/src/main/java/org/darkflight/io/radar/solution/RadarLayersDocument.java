package org.darkflight.io.radar.solution;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.darkflight.io.json.Json;
import org.darkflight.io.radar.returns.ArtifactMeta;

/**
 * {@code radar_layers.geojson} (schema {@code schemas/radar_layers.schema.json}): the radar
 * layer of the strewn field as one GeoJSON FeatureCollection (RFC 7946, WGS84 lon/lat[/height m],
 * 7 decimals of a degree) whose features carry a {@code layer} property: {@code radar_returns},
 * {@code calculated_termini}, {@code refined_terminus} (a point and its 1-σ and 2-σ ellipses),
 * {@code predicted_impacts} and {@code mass_suite}. The {@code layer} of a feature's properties
 * is a checked record component, not a derived accessor, so that it is written in sorted order
 * (the mapper writes record components first); the {@code type} members are accessors, which
 * sort last anyway.
 *
 * @param meta     schema version, producer, creation time, inputs
 * @param features the features, by layer in the order above
 */
public record RadarLayersDocument(
    @JsonProperty("meta") ArtifactMeta.Block meta,
    @JsonProperty("features") List<Feature> features) {

  /** File name. */
  public static final String FILE = "radar_layers.geojson";
  /** Decimals of a degree of the coordinates (about 1 cm). */
  public static final int DEGREE_DECIMALS = 7;

  /** Copies the list. */
  public RadarLayersDocument {
    Objects.requireNonNull(meta, "meta");
    features = List.copyOf(features);
  }

  /** {@code FeatureCollection}. */
  @JsonProperty("type")
  public String type() {
    return "FeatureCollection";
  }

  /**
   * One feature.
   *
   * @param geometry   a point or a polygon
   * @param properties the layer and its figures
   */
  public record Feature(
      @JsonProperty("geometry") Geometry geometry,
      @JsonProperty("properties") Properties properties) {

    /** {@code Feature}. */
    @JsonProperty("type")
    public String type() {
      return "Feature";
    }
  }

  /** A GeoJSON geometry: {@link Point} or {@link Polygon}. */
  public sealed interface Geometry permits Point, Polygon {}

  /**
   * A point: [lon, lat] or [lon, lat, height m], rounded.
   *
   * @param coordinates the position
   */
  public record Point(@JsonProperty("coordinates") List<BigDecimal> coordinates)
      implements Geometry {

    /** Copies the list. */
    public Point {
      coordinates = List.copyOf(coordinates);
    }

    /** A point at lon/lat (degrees, 7 decimals) and a height (m, 1 decimal) unless NaN. */
    public static Point of(double lonDeg, double latDeg, double heightM) {
      return new Point(Double.isNaN(heightM)
          ? List.of(degrees(lonDeg), degrees(latDeg))
          : List.of(degrees(lonDeg), degrees(latDeg), Json.roundedDecimal(heightM, 1)));
    }

    /** {@code Point}. */
    @JsonProperty("type")
    public String type() {
      return "Point";
    }
  }

  /**
   * A polygon: one closed exterior ring of [lon, lat], counter-clockwise (RFC 7946 §3.1.6).
   *
   * @param coordinates the rings
   */
  public record Polygon(@JsonProperty("coordinates") List<List<List<BigDecimal>>> coordinates)
      implements Geometry {

    /** Copies the list. */
    public Polygon {
      coordinates = List.copyOf(coordinates);
    }

    /** {@code Polygon}. */
    @JsonProperty("type")
    public String type() {
      return "Polygon";
    }
  }

  /** A degree value rounded to {@link #DEGREE_DECIMALS} decimals. */
  public static BigDecimal degrees(double deg) {
    return Json.roundedDecimal(deg, DEGREE_DECIMALS);
  }

  /** The properties of one layer's feature. */
  public sealed interface Properties permits ReturnProperties, TerminusProperties,
      RefinedPointProperties, EllipseProperties, ImpactProperties, SuiteProperties {}

  /**
   * {@code radar_returns}: a geolocated return.
   *
   * @param layer {@value #LAYER}
   * @param returnId        the return's id
   * @param siteId          the radar site
   * @param timeUtc         observation time
   * @param altitudeM       height, m (1 decimal)
   * @param sigmaAltitudeM  1-σ height, m (1 decimal)
   * @param status          {@code solved} or {@code unsolved}
   * @param massKg          the fitted mass, kg, when one fits (else absent)
   */
  public record ReturnProperties(
      @JsonProperty("layer") String layer,
      @JsonProperty("return_id") String returnId,
      @JsonProperty("site_id") String siteId,
      @JsonProperty("time_utc") Instant timeUtc,
      @JsonProperty("altitude_m") BigDecimal altitudeM,
      @JsonProperty("sigma_altitude_m") BigDecimal sigmaAltitudeM,
      @JsonProperty("status") String status,
      @JsonProperty("mass_kg") @JsonInclude(JsonInclude.Include.NON_NULL) Double massKg)
      implements Properties {

    /** The layer. */
    public static final String LAYER = "radar_returns";

    /** Checks the layer. */
    public ReturnProperties {
      if (!LAYER.equals(layer)) {
        throw new IllegalArgumentException("radar_returns: layer " + layer);
      }
    }
  }

  /**
   * {@code calculated_termini}: the terminus calculated from one return.
   *
   * @param layer {@value #LAYER}
   * @param returnId the return's id
   * @param method   {@code backward} or {@code forward_shooting}
   * @param eastM    east offset from the event's terminus, m (2 decimals)
   * @param northM   north offset, m (2 decimals)
   */
  public record TerminusProperties(
      @JsonProperty("layer") String layer,
      @JsonProperty("return_id") String returnId,
      @JsonProperty("method") String method,
      @JsonProperty("east_m") BigDecimal eastM,
      @JsonProperty("north_m") BigDecimal northM) implements Properties {

    /** The layer. */
    public static final String LAYER = "calculated_termini";

    /** Checks the layer. */
    public TerminusProperties {
      if (!LAYER.equals(layer)) {
        throw new IllegalArgumentException("calculated_termini: layer " + layer);
      }
    }
  }

  /**
   * {@code refined_terminus}, the point.
   *
   * @param layer {@value #LAYER}
   * @param returnsUsed    solved returns combined
   * @param sigmaMajorM    1-σ semi-major axis, m (1 decimal)
   * @param sigmaMinorM    1-σ semi-minor axis, m (1 decimal)
   * @param orientationDeg azimuth of the major axis, deg from north (2 decimals)
   */
  public record RefinedPointProperties(
      @JsonProperty("layer") String layer,
      @JsonProperty("returns_used") int returnsUsed,
      @JsonProperty("sigma_major_m") BigDecimal sigmaMajorM,
      @JsonProperty("sigma_minor_m") BigDecimal sigmaMinorM,
      @JsonProperty("orientation_deg") BigDecimal orientationDeg) implements Properties {

    /** The layer. */
    public static final String LAYER = "refined_terminus";

    /** Checks the layer. */
    public RefinedPointProperties {
      if (!LAYER.equals(layer)) {
        throw new IllegalArgumentException("refined_terminus: layer " + layer);
      }
    }
  }

  /**
   * {@code refined_terminus}, a k-σ ellipse.
   *
   * @param layer {@value #LAYER}
   * @param sigmaLevel     k
   * @param semiMajorM     k-σ semi-major axis, m (1 decimal)
   * @param semiMinorM     k-σ semi-minor axis, m (1 decimal)
   * @param orientationDeg azimuth of the major axis, deg from north (2 decimals)
   */
  public record EllipseProperties(
      @JsonProperty("layer") String layer,
      @JsonProperty("sigma_level") int sigmaLevel,
      @JsonProperty("semi_major_m") BigDecimal semiMajorM,
      @JsonProperty("semi_minor_m") BigDecimal semiMinorM,
      @JsonProperty("orientation_deg") BigDecimal orientationDeg) implements Properties {

    /** The layer. */
    public static final String LAYER = "refined_terminus";

    /** Checks the layer. */
    public EllipseProperties {
      if (!LAYER.equals(layer)) {
        throw new IllegalArgumentException("refined_terminus: layer " + layer);
      }
    }
  }

  /**
   * {@code predicted_impacts}: where a return's fitted mass lands.
   *
   * @param layer {@value #LAYER}
   * @param returnId       the return's id
   * @param massKg         mass at impact, kg
   * @param landingTimeUtc landing time
   */
  public record ImpactProperties(
      @JsonProperty("layer") String layer,
      @JsonProperty("return_id") String returnId,
      @JsonProperty("mass_kg") double massKg,
      @JsonProperty("landing_time_utc") Instant landingTimeUtc) implements Properties {

    /** The layer. */
    public static final String LAYER = "predicted_impacts";

    /** Checks the layer. */
    public ImpactProperties {
      if (!LAYER.equals(layer)) {
        throw new IllegalArgumentException("predicted_impacts: layer " + layer);
      }
    }
  }

  /**
   * {@code mass_suite}: where a mass of the suite lands.
   *
   * @param layer {@value #LAYER}
   * @param massKg         mass at the terminus, kg
   * @param landingTimeUtc landing time
   * @param fallTimeS      fall time, s (2 decimals)
   */
  public record SuiteProperties(
      @JsonProperty("layer") String layer,
      @JsonProperty("mass_kg") double massKg,
      @JsonProperty("landing_time_utc") Instant landingTimeUtc,
      @JsonProperty("fall_time_s") BigDecimal fallTimeS) implements Properties {

    /** The layer. */
    public static final String LAYER = "mass_suite";

    /** Checks the layer. */
    public SuiteProperties {
      if (!LAYER.equals(layer)) {
        throw new IllegalArgumentException("mass_suite: layer " + layer);
      }
    }
  }
}
