package org.darkflight.io.geojson;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.geo.GeoOutputOptions;
import org.darkflight.io.geo.GeoSchemas;
import org.darkflight.io.geo.LandingPoint;
import org.darkflight.io.geo.ProvenanceJson;
import org.darkflight.io.geo.RunInfo;

/**
 * Writes {@code strewn_field_points.geojson} (docs/outputs.md): an RFC 7946 FeatureCollection with one
 * Point feature per landing point, {@code [lon, lat]} in WGS84, and the provenance {@code meta}
 * member. Points are streamed with Jackson's {@link JsonGenerator}, so memory does not grow with
 * the number of points; they are written in the order the iterator gives them (the caller fixes
 * the order for byte-identical reruns).
 *
 * <p>Feature properties, in this order: {@code fragment_id}, {@code sample_index} (-1 for a
 * deterministic fragment), {@code mass_class}, {@code mass_class_index}, {@code mass_final_kg},
 * {@code impact_speed_mps}, {@code landing_time_utc}, {@code uncertainty_radius_m} (null when
 * unknown), {@code energy_J}. Schema: {@code schemas/strewn_field_points.schema.json}.
 */
public final class StrewnFieldPointsWriter {

  /** Product name written in {@code meta.product}. */
  public static final String PRODUCT = "strewn_field_points";

  private final GeoOutputOptions options;

  public StrewnFieldPointsWriter(GeoOutputOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Writes the file atomically (temporary file, then move); on any failure, including an
   * exception thrown by the iterator, nothing is left at {@code target}.
   *
   * @return the number of features written
   */
  public long write(Path target, RunInfo run, Iterator<LandingPoint> points) throws IOException {
    long[] count = new long[1];
    AtomicFiles.write(target, out -> count[0] = write(out, run, points));
    return count[0];
  }

  /**
   * Writes the FeatureCollection to {@code out} (UTF-8), which is flushed but not closed.
   *
   * @return the number of features written
   */
  public long write(OutputStream out, RunInfo run, Iterator<LandingPoint> points)
      throws IOException {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(points, "points");
    int decimals = options.geoPrecisionDecimals();
    long count = 0;
    try (JsonGenerator g = GeoJsonFormat.generator(out)) {
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeFieldName("meta");
      ProvenanceJson.write(g, run, PRODUCT, GeoSchemas.POINTS_SCHEMA_VERSION, decimals);
      g.writeArrayFieldStart("features");
      while (points.hasNext()) {
        writeFeature(g, Objects.requireNonNull(points.next(), "landing point"), decimals);
        count++;
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
    out.flush();
    return count;
  }

  private static void writeFeature(JsonGenerator g, LandingPoint p, int decimals)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "Feature");
    g.writeObjectFieldStart("geometry");
    g.writeStringField("type", "Point");
    g.writeFieldName("coordinates");
    GeoJsonFormat.position(g, p.latitudeDeg(), p.longitudeDeg(), decimals);
    g.writeEndObject();
    g.writeObjectFieldStart("properties");
    g.writeStringField("fragment_id", p.fragmentId());
    g.writeNumberField("sample_index", p.sampleIndex());
    g.writeStringField("mass_class", p.massClass());
    g.writeNumberField("mass_class_index", p.massClassIndex());
    GeoJsonFormat.quantity(g, "mass_final_kg", p.massFinalKg());
    GeoJsonFormat.quantity(g, "impact_speed_mps", p.impactSpeedMps());
    g.writeStringField("landing_time_utc", ProvenanceJson.instant(p.landingTimeUtc()));
    if (p.hasUncertaintyRadius()) {
      GeoJsonFormat.quantity(g, "uncertainty_radius_m", p.uncertaintyRadiusM());
    } else {
      g.writeNullField("uncertainty_radius_m");
    }
    GeoJsonFormat.quantity(g, "energy_J", p.energyJ());
    GeoJsonFormat.quantity(g, "mass_initial_kg", p.massInitialKg());
    GeoJsonFormat.quantity(g, "time_aloft_s", p.timeAloftS());
    GeoJsonFormat.quantity(g, "ballistic_coefficient_kg_m2", p.ballisticCoefficientKgM2());
    GeoJsonFormat.quantity(g, "drag_coefficient", p.dragCoefficient());
    GeoJsonFormat.quantity(g, "density_kg_m3", p.densityKgM3());
    g.writeEndObject();
    g.writeEndObject();
  }
}
