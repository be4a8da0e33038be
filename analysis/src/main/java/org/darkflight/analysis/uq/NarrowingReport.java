package org.darkflight.analysis.uq;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.darkflight.io.geo.LatLon;
import org.darkflight.io.geo.LocalTangentPlane;
import org.darkflight.io.json.Json;
import org.darkflight.io.uq.CalibrationNarrowingDocument;
import org.darkflight.analysis.ensemble.MassClassBins;
import org.darkflight.analysis.uq.Find;

/**
 * How much calibration narrows the strewn field: the 90 % ellipses of each mass class from the
 * baseline and the calibrated ensemble runs ({@code uncertainty_ellipses.geojson}), their areas
 * π·a·b and axis ratios (after / before), and each find's distance to the centre of its mass
 * class's ellipse (the class of the find's mass) before and after.
 */
public final class NarrowingReport {

  /** File name. */
  public static final String FILE = CalibrationNarrowingDocument.FILE;
  /** Schema {@code $id}. */
  public static final String SCHEMA_ID = CalibrationNarrowingDocument.SCHEMA_ID;
  /** The ellipse level compared. */
  public static final double LEVEL = 0.9;

  /** A 90 % ellipse: samples, centre, semi-axes (m). */
  public record Ellipse(long samples, double latitudeDeg, double longitudeDeg,
      double semiMajorM, double semiMinorM) {
    double areaM2() {
      return Math.PI * semiMajorM * semiMinorM;
    }
  }

  private NarrowingReport() {}

  /** The 90 % ellipses of a run directory by mass class label. */
  public static Map<String, Ellipse> ellipses(Path runDir) throws IOException {
    JsonNode doc = Json.mapper().readTree(
        runDir.resolve("uncertainty_ellipses.geojson").toFile());
    Map<String, Ellipse> out = new LinkedHashMap<>();
    for (JsonNode f : doc.get("features")) {
      JsonNode p = f.get("properties");
      if (Math.abs(p.get("confidence_level").asDouble() - LEVEL) > 1e-9) {
        continue;
      }
      JsonNode c = p.get("center");
      out.put(p.get("mass_class").asText(), new Ellipse(p.get("sample_count").asLong(),
          c.get(1).asDouble(), c.get(0).asDouble(), p.get("semi_major_axis_m").asDouble(),
          p.get("semi_minor_axis_m").asDouble()));
    }
    return out;
  }

  /** The report's {@code classes} and {@code finds}. */
  public record Comparison(List<CalibrationNarrowingDocument.ClassNarrowing> classes,
      List<CalibrationNarrowingDocument.FindDistance> finds) {}

  /**
   * The report's {@code classes} (by label; null where a class has no ellipse in a run) and
   * {@code finds}.
   */
  public static Comparison compare(Map<String, Ellipse> before,
      Map<String, Ellipse> after, List<Find> finds, MassClassBins bins) {
    Map<String, Boolean> labels = new TreeMap<>();
    before.keySet().forEach(k -> labels.put(k, true));
    after.keySet().forEach(k -> labels.put(k, true));
    List<CalibrationNarrowingDocument.ClassNarrowing> classes = new ArrayList<>();
    for (String label : labels.keySet()) {
      Ellipse b = before.get(label);
      Ellipse a = after.get(label);
      boolean both = a != null && b != null;
      classes.add(new CalibrationNarrowingDocument.ClassNarrowing(label, describe(b),
          describe(a), both ? a.areaM2() / b.areaM2() : null,
          both ? a.semiMajorM() / b.semiMajorM() : null,
          both ? a.semiMinorM() / b.semiMinorM() : null,
          both ? distance(b, a.latitudeDeg(), a.longitudeDeg()) : null));
    }
    List<CalibrationNarrowingDocument.FindDistance> fs = new ArrayList<>();
    for (Find f : finds) {
      String label = bins.label(bins.index(f.massKg()));
      Ellipse b = before.get(label);
      Ellipse a = after.get(label);
      fs.add(new CalibrationNarrowingDocument.FindDistance(f.id(), f.massKg(), label,
          b == null ? null : distance(b, f.latitudeDeg(), f.longitudeDeg()),
          a == null ? null : distance(a, f.latitudeDeg(), f.longitudeDeg())));
    }
    return new Comparison(classes, fs);
  }

  private static CalibrationNarrowingDocument.Ellipse describe(Ellipse e) {
    if (e == null) {
      return null;
    }
    return new CalibrationNarrowingDocument.Ellipse(e.samples(), e.latitudeDeg(),
        e.longitudeDeg(), e.semiMajorM(), e.semiMinorM(), e.areaM2());
  }

  /** Tangent-plane distance from the ellipse centre to a point, m. */
  static double distance(Ellipse e, double latDeg, double lonDeg) {
    LocalTangentPlane p = new LocalTangentPlane(new LatLon(e.latitudeDeg(), e.longitudeDeg()));
    LatLon q = new LatLon(latDeg, lonDeg);
    return Math.hypot(p.eastM(q), p.northM(q));
  }
}
