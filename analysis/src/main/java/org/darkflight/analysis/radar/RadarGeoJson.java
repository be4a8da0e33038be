package org.darkflight.analysis.radar;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.darkflight.io.json.Json;
import org.darkflight.io.radar.returns.ArtifactMeta;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.geodesy.GeodeticPoint;
import org.darkflight.physics.geodesy.LocalEnu;
import org.darkflight.physics.radar.RadarFix;
import org.darkflight.physics.trajectory.Landing;

/**
 * The radar layer of the strewn field as GeoJSON (RFC 7946, WGS84 lon/lat[/height]): one
 * FeatureCollection whose features carry a {@code layer} property — {@code radar_returns}
 * (the geolocated returns, with their heights), {@code calculated_termini},
 * {@code refined_terminus} (a point and its 1-σ and 2-σ ellipses as polygons),
 * {@code predicted_impacts} (forward from each return) and {@code mass_suite} (the decadal
 * suite from the refined terminus).
 */
public final class RadarGeoJson {

  /** File name of the layer. */
  public static final String FILE = "radar_layers.geojson";
  private static final int DECIMALS = 7;
  private static final int ELLIPSE_VERTICES = 72;

  private RadarGeoJson() {}

  /** The FeatureCollection. */
  public static ObjectNode toJson(RadarSolution solution, List<SuiteLanding> suite,
      ArtifactMeta meta) throws IOException {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("type", "FeatureCollection");
    root.set("meta", meta.toJson(null));
    ArrayNode features = root.putArray("features");
    for (ReturnSolution s : solution.returns()) {
      RadarFix f = s.radarReturn().fix();
      ObjectNode p = point(features, "radar_returns", f.longitudeDeg(), f.latitudeDeg(),
          f.heightM());
      p.put("return_id", s.id());
      p.put("site_id", s.radarReturn().radarReturn().observation().site().id());
      p.put("time_utc", s.radarReturn().radarReturn().observation().timeUtc().toString());
      p.put("altitude_m", round(f.heightM(), 1));
      p.put("sigma_altitude_m", round(f.sigmaHeightM(), 1));
      p.put("status", s.solved() ? "solved" : "unsolved");
      if (s.massFit().found()) {
        p.put("mass_kg", s.massFit().massKg());
      }
    }
    for (ReturnSolution s : solution.returns()) {
      if (!s.solved()) {
        continue;
      }
      GeodeticPoint t = s.terminus();
      ObjectNode p = point(features, "calculated_termini", t.longitudeDeg(), t.latitudeDeg(),
          t.heightM());
      p.put("return_id", s.id());
      p.put("method", s.terminusMethod().name().toLowerCase(java.util.Locale.ROOT));
      p.put("east_m", round(s.terminusEastM(), 2));
      p.put("north_m", round(s.terminusNorthM(), 2));
    }
    RefinedTerminus r = solution.refined();
    LuminousEnd le = r.luminousEnd();
    ObjectNode rp = point(features, "refined_terminus", le.longitudeDeg(), le.latitudeDeg(),
        le.altitudeM());
    rp.put("returns_used", r.returnsUsed());
    rp.put("sigma_major_m", round(r.semiMajorM(), 1));
    rp.put("sigma_minor_m", round(r.semiMinorM(), 1));
    rp.put("orientation_deg", round(r.orientationDeg(), 2));
    for (int k = 1; k <= 2; k++) {
      ellipse(features, r, k);
    }
    for (ReturnSolution s : solution.returns()) {
      if (s.solved()) {
        Landing l = s.predictedImpact();
        ObjectNode p = point(features, "predicted_impacts", l.longitudeDeg(), l.latitudeDeg(),
            Double.NaN);
        p.put("return_id", s.id());
        p.put("mass_kg", l.massFinalKg());
        p.put("landing_time_utc", l.timeUtc().toString());
      }
    }
    for (SuiteLanding sl : suite) {
      if (sl.landing() != null) {
        Landing l = sl.landing();
        ObjectNode p = point(features, "mass_suite", l.longitudeDeg(), l.latitudeDeg(),
            Double.NaN);
        p.put("mass_kg", sl.massKg());
        p.put("landing_time_utc", l.timeUtc().toString());
        p.put("fall_time_s", round(l.fallTimeS(), 2));
      }
    }
    return root;
  }

  /** Serialised bytes. */
  public static byte[] toBytes(ObjectNode node) throws IOException {
    return Json.toCanonicalBytes(node);
  }

  private static ObjectNode point(ArrayNode features, String layer, double lon, double lat,
      double height) {
    ObjectNode f = features.addObject();
    f.put("type", "Feature");
    ObjectNode g = f.putObject("geometry");
    g.put("type", "Point");
    ArrayNode c = g.putArray("coordinates");
    c.add(Json.roundedNode(lon, DECIMALS));
    c.add(Json.roundedNode(lat, DECIMALS));
    if (!Double.isNaN(height)) {
      c.add(Json.roundedNode(height, 1));
    }
    ObjectNode p = f.putObject("properties");
    p.put("layer", layer);
    return p;
  }

  /** The k-σ ellipse of the refined terminus as a closed ring mapped from its ENU plane. */
  private static void ellipse(ArrayNode features, RefinedTerminus r, int k) {
    LuminousEnd le = r.luminousEnd();
    LocalEnu frame = LocalEnu.atDegrees(le.latitudeDeg(), le.longitudeDeg(), 0.0);
    double a = k * r.semiMajorM();
    double b = k * r.semiMinorM();
    double bearing = Math.toRadians(r.orientationDeg());
    ObjectNode f = features.addObject();
    f.put("type", "Feature");
    ObjectNode g = f.putObject("geometry");
    g.put("type", "Polygon");
    ArrayNode ring = g.putArray("coordinates").addArray();
    // RFC 7946 §3.1.6: exterior rings counter-clockwise — walk the angle backwards in bearing.
    for (int i = 0; i <= ELLIPSE_VERTICES; i++) {
      double t = -2 * Math.PI * (i % ELLIPSE_VERTICES) / ELLIPSE_VERTICES;
      double u = a * Math.cos(t);
      double v = b * Math.sin(t);
      // u along the major axis (bearing), v across it (bearing + 90°).
      double east = u * Math.sin(bearing) + v * Math.cos(bearing);
      double north = u * Math.cos(bearing) - v * Math.sin(bearing);
      GeodeticPoint p = frame.planeToGeodetic(east, north);
      ArrayNode c = ring.addArray();
      c.add(Json.roundedNode(p.longitudeDeg(), DECIMALS));
      c.add(Json.roundedNode(p.latitudeDeg(), DECIMALS));
    }
    ObjectNode props = f.putObject("properties");
    props.put("layer", "refined_terminus");
    props.put("sigma_level", k);
    props.put("semi_major_m", round(a, 1));
    props.put("semi_minor_m", round(b, 1));
    props.put("orientation_deg", round(r.orientationDeg(), 2));
  }

  private static java.math.BigDecimal round(double v, int decimals) {
    return Json.roundedDecimal(v, decimals);
  }
}
