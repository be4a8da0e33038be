package org.darkflight.io.geojson;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.geo.EastNorthCovariance;
import org.darkflight.io.geo.EllipseFeature;
import org.darkflight.io.geo.GeoNumbers;
import org.darkflight.io.geo.GeoOutputOptions;
import org.darkflight.io.geo.GeoSchemas;
import org.darkflight.io.geo.LatLon;
import org.darkflight.io.geo.ProvenanceJson;
import org.darkflight.io.geo.RunInfo;

/**
 * Writes {@code uncertainty_ellipses.geojson} (docs/outputs.md): one Polygon feature per (mass class,
 * confidence level), sorted by mass class index then confidence level, with the provenance
 * {@code meta} member.
 *
 * <p>Feature properties, in this order: {@code mass_class}, {@code mass_class_index},
 * {@code confidence_level}, {@code sample_count}, {@code center} ({@code [lon, lat]}),
 * {@code covariance_matrix} ({@code [[xx, xy], [xy, yy]]}, x = east, y = north, m²),
 * {@code major_axis_m} and {@code minor_axis_m} (<b>full</b> axis lengths, m),
 * {@code semi_major_axis_m} and {@code semi_minor_axis_m} (half of those, m),
 * {@code orientation_deg} (major-axis azimuth clockwise from north, [0, 180)).
 * Schema: {@code schemas/uncertainty_ellipses.schema.json}.
 */
public final class UncertaintyEllipsesWriter {

  /** Product name written in {@code meta.product}. */
  public static final String PRODUCT = "uncertainty_ellipses";

  /** Order of the features in the file. */
  public static final Comparator<EllipseFeature> ORDER =
      Comparator.comparingInt(EllipseFeature::massClassIndex)
          .thenComparingDouble(EllipseFeature::confidenceLevel);

  private final GeoOutputOptions options;

  public UncertaintyEllipsesWriter(GeoOutputOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /** Writes the file atomically; returns the number of features. */
  public int write(Path target, RunInfo run, List<EllipseFeature> ellipses) throws IOException {
    int[] count = new int[1];
    AtomicFiles.write(target, out -> count[0] = write(out, run, ellipses));
    return count[0];
  }

  /** Writes the FeatureCollection to {@code out} (flushed, not closed); returns the count. */
  public int write(OutputStream out, RunInfo run, List<EllipseFeature> ellipses)
      throws IOException {
    Objects.requireNonNull(run, "run");
    List<EllipseFeature> sorted = new ArrayList<>(Objects.requireNonNull(ellipses, "ellipses"));
    sorted.sort(ORDER);
    for (int i = 1; i < sorted.size(); i++) {
      if (ORDER.compare(sorted.get(i - 1), sorted.get(i)) == 0) {
        throw new IllegalArgumentException("two ellipses for mass class "
            + sorted.get(i).massClassIndex() + " at confidence " + sorted.get(i).confidenceLevel());
      }
    }
    int decimals = options.geoPrecisionDecimals();
    try (JsonGenerator g = GeoJsonFormat.generator(out)) {
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeFieldName("meta");
      ProvenanceJson.write(g, run, PRODUCT, GeoSchemas.ELLIPSES_SCHEMA_VERSION, decimals);
      g.writeArrayFieldStart("features");
      for (EllipseFeature e : sorted) {
        writeFeature(g, e, decimals);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
    out.flush();
    return sorted.size();
  }

  private static void writeFeature(JsonGenerator g, EllipseFeature e, int decimals)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "Feature");
    g.writeObjectFieldStart("geometry");
    g.writeStringField("type", "Polygon");
    g.writeArrayFieldStart("coordinates");
    g.writeStartArray();
    for (LatLon p : e.ring()) {
      GeoJsonFormat.position(g, p.latitudeDeg(), p.longitudeDeg(), decimals);
    }
    g.writeEndArray();
    g.writeEndArray();
    g.writeEndObject();
    g.writeObjectFieldStart("properties");
    g.writeStringField("mass_class", e.massClass());
    g.writeNumberField("mass_class_index", e.massClassIndex());
    GeoJsonFormat.quantity(g, "confidence_level", e.confidenceLevel());
    g.writeNumberField("sample_count", e.sampleCount());
    g.writeFieldName("center");
    GeoJsonFormat.position(g, e.centerLatitudeDeg(), e.centerLongitudeDeg(), decimals);
    EastNorthCovariance c = e.covariance();
    g.writeArrayFieldStart("covariance_matrix");
    g.writeStartArray();
    g.writeNumber(GeoNumbers.quantity(c.ceeM2()));
    g.writeNumber(GeoNumbers.quantity(c.cenM2()));
    g.writeEndArray();
    g.writeStartArray();
    g.writeNumber(GeoNumbers.quantity(c.cenM2()));
    g.writeNumber(GeoNumbers.quantity(c.cnnM2()));
    g.writeEndArray();
    g.writeEndArray();
    GeoJsonFormat.quantity(g, "major_axis_m", e.majorAxisM());
    GeoJsonFormat.quantity(g, "minor_axis_m", e.minorAxisM());
    GeoJsonFormat.quantity(g, "semi_major_axis_m", e.semiMajorAxisM());
    GeoJsonFormat.quantity(g, "semi_minor_axis_m", e.semiMinorAxisM());
    GeoJsonFormat.quantity(g, "orientation_deg", e.orientationDeg());
    g.writeEndObject();
    g.writeEndObject();
  }
}
