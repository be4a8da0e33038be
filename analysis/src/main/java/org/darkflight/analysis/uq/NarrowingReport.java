package org.darkflight.analysis.uq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.darkflight.io.geo.LatLon;
import org.darkflight.io.geo.LocalTangentPlane;
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
  public static final String FILE = "calibration_narrowing.json";
  /** Schema {@code $id}. */
  public static final String SCHEMA_ID =
      "https://darkflight.org/schemas/calibration_narrowing.schema.json";
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
    JsonNode doc = new ObjectMapper().readTree(
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

  /**
   * The report's {@code classes} and {@code finds} (ordered maps; null where a class has no
   * ellipse in a run).
   */
  public static Map<String, Object> compare(Map<String, Ellipse> before,
      Map<String, Ellipse> after, List<Find> finds, MassClassBins bins) {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Boolean> labels = new TreeMap<>();
    before.keySet().forEach(k -> labels.put(k, true));
    after.keySet().forEach(k -> labels.put(k, true));
    List<Map<String, Object>> classes = new ArrayList<>();
    for (String label : labels.keySet()) {
      Ellipse b = before.get(label);
      Ellipse a = after.get(label);
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("mass_class", label);
      c.put("before", describe(b));
      c.put("after", describe(a));
      boolean both = a != null && b != null;
      c.put("area_ratio", both ? a.areaM2() / b.areaM2() : null);
      c.put("semi_major_axis_ratio", both ? a.semiMajorM() / b.semiMajorM() : null);
      c.put("semi_minor_axis_ratio", both ? a.semiMinorM() / b.semiMinorM() : null);
      c.put("center_shift_m", both ? distance(b, a.latitudeDeg(), a.longitudeDeg()) : null);
      classes.add(c);
    }
    out.put("classes", classes);
    List<Map<String, Object>> fs = new ArrayList<>();
    for (Find f : finds) {
      String label = bins.label(bins.index(f.massKg()));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", f.id());
      m.put("mass_kg", f.massKg());
      m.put("mass_class", label);
      Ellipse b = before.get(label);
      Ellipse a = after.get(label);
      m.put("distance_to_center_before_m",
          b == null ? null : distance(b, f.latitudeDeg(), f.longitudeDeg()));
      m.put("distance_to_center_after_m",
          a == null ? null : distance(a, f.latitudeDeg(), f.longitudeDeg()));
      fs.add(m);
    }
    out.put("finds", fs);
    return out;
  }

  private static Map<String, Object> describe(Ellipse e) {
    if (e == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("samples", e.samples());
    m.put("center_latitude_deg", e.latitudeDeg());
    m.put("center_longitude_deg", e.longitudeDeg());
    m.put("semi_major_axis_m", e.semiMajorM());
    m.put("semi_minor_axis_m", e.semiMinorM());
    m.put("area_m2", e.areaM2());
    return m;
  }

  /** Tangent-plane distance from the ellipse centre to a point, m. */
  static double distance(Ellipse e, double latDeg, double lonDeg) {
    LocalTangentPlane p = new LocalTangentPlane(new LatLon(e.latitudeDeg(), e.longitudeDeg()));
    LatLon q = new LatLon(latDeg, lonDeg);
    return Math.hypot(p.eastM(q), p.northM(q));
  }
}
