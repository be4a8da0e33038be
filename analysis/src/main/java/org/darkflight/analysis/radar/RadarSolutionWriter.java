package org.darkflight.analysis.radar;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.darkflight.io.radar.returns.ArtifactMeta;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.radar.RadarFix;
import org.darkflight.physics.trajectory.Landing;

/** Builds {@code radar_solution.json} ({@code schemas/radar_solution.schema.json}). */
public final class RadarSolutionWriter {

  /** Schema version of radar_solution.json. */
  public static final String SCHEMA_VERSION = "1.0";

  private RadarSolutionWriter() {}

  /** The solution document. */
  public static ObjectNode toJson(String eventId, RadarSolver solver, RadarSolution solution,
      double[] suiteMassesKg, List<SuiteLanding> strewnField, ArtifactMeta meta)
      throws IOException {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.set("meta", meta.toJson("mass by bracketing root finder on ln m (Hipparchus"
        + " BracketingNthOrderBrentSolver); forward/backward flight with DarkflightSimulator;"
        + " refined terminus = confidence-weighted centroid of the calculated termini"));
    if (eventId != null) {
      root.put("event_id", eventId);
    }
    LuminousEnd le = solver.luminousEnd();
    ObjectNode ev = root.putObject("event_terminus");
    ev.put("time_utc", le.timeUtc().toString());
    ev.put("lat", le.latitudeDeg());
    ev.put("lon", le.longitudeDeg());
    ev.put("altitude_m", le.altitudeM());
    ev.put("speed_mps", le.speedMps());
    ev.put("azimuth_deg", le.azimuthDeg());
    ev.put("elevation_deg", le.elevationDeg());
    Fragment t = solver.template();
    ObjectNode settings = root.putObject("settings");
    settings.put("mass_min_kg", solver.massMinKg());
    settings.put("mass_max_kg", solver.massMaxKg());
    settings.put("density_kg_m3", t.densityKgM3());
    settings.put("cd", t.cd());
    settings.put("shape_factor", t.shapeFactor());
    ArrayNode suite = settings.putArray("suite_masses_kg");
    for (double m : suiteMassesKg) {
      suite.add(m);
    }

    ArrayNode returns = root.putArray("returns");
    for (ReturnSolution s : solution.returns()) {
      ObjectNode o = returns.addObject();
      RadarFix fix = s.radarReturn().fix();
      o.put("return_id", s.id());
      o.put("site_id", s.radarReturn().radarReturn().observation().site().id());
      o.put("time_utc", s.radarReturn().radarReturn().observation().timeUtc().toString());
      o.put("lat", fix.latitudeDeg());
      o.put("lon", fix.longitudeDeg());
      o.put("altitude_m", fix.heightM());
      o.put("confidence", s.radarReturn().radarReturn().confidence());
      MassFit fit = s.massFit();
      o.put("status", s.solved() ? "solved" : fit.found() ? "failed" : "no_mass_fits");
      if (!s.solved()) {
        o.put("reason", s.reason());
      }
      o.put("observed_time_s", fit.observedTimeS());
      putNullable(o, "lightest_time_s", fit.lightestTimeS());
      putNullable(o, "heaviest_time_s", fit.heaviestTimeS());
      o.put("evaluations", fit.evaluations());
      if (fit.found()) {
        o.put("mass_kg", fit.massKg());
      }
      if (s.solved()) {
        putNullable(o, "mass_at_plus_sigma_height_kg", fit.massAtPlusSigmaKg());
        putNullable(o, "mass_at_minus_sigma_height_kg", fit.massAtMinusSigmaKg());
      }
      if (s.solved()) {
        o.set("predicted_impact", impact(s.predictedImpact()));
        ObjectNode term = o.putObject("calculated_terminus");
        term.put("lat", s.terminus().latitudeDeg());
        term.put("lon", s.terminus().longitudeDeg());
        term.put("altitude_m", s.terminus().heightM());
        term.put("time_offset_s", s.terminusTimeS());
        term.put("method", s.terminusMethod().name().toLowerCase(java.util.Locale.ROOT));
        if (Double.isFinite(s.backwardGapM())) {
          term.put("backward_gap_m", s.backwardGapM());
        } else {
          term.putNull("backward_gap_m");
        }
        term.put("east_m", s.terminusEastM());
        term.put("north_m", s.terminusNorthM());
        term.set("covariance_en_m2", matrix(s.terminusCovEnM2()));
      }
    }

    RefinedTerminus r = solution.refined();
    ObjectNode rt = root.putObject("refined_terminus");
    rt.put("time_utc", r.luminousEnd().timeUtc().toString());
    rt.put("lat", r.luminousEnd().latitudeDeg());
    rt.put("lon", r.luminousEnd().longitudeDeg());
    rt.put("altitude_m", r.luminousEnd().altitudeM());
    rt.put("east_m", r.eastM());
    rt.put("north_m", r.northM());
    rt.put("returns_used", r.returnsUsed());
    rt.put("effective_count", r.effectiveCount());
    rt.set("covariance_en_m2", matrix(r.covarianceEnM2()));
    rt.set("scatter_cov_en_m2", matrix(r.scatterCovEnM2()));
    rt.set("measurement_cov_en_m2", matrix(r.measurementCovEnM2()));
    rt.put("sigma_major_m", r.semiMajorM());
    rt.put("sigma_minor_m", r.semiMinorM());
    rt.put("orientation_deg", r.orientationDeg());

    ArrayNode field = root.putArray("strewn_field");
    for (SuiteLanding l : strewnField) {
      ObjectNode o = field.addObject();
      o.put("mass_kg", l.massKg());
      if (l.landing() != null) {
        o.put("status", "landed");
        o.set("impact", impact(l.landing()));
      } else {
        o.put("status", "failed");
        o.put("reason", l.reason());
      }
    }
    return root;
  }

  private static ObjectNode impact(Landing l) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("lat", l.latitudeDeg());
    o.put("lon", l.longitudeDeg());
    o.put("time_utc", l.timeUtc().toString());
    o.put("fall_time_s", l.fallTimeS());
    o.put("impact_speed_mps", l.impactSpeedMps());
    o.put("mass_final_kg", l.massFinalKg());
    return o;
  }

  private static ArrayNode matrix(double[][] m) {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    for (double[] row : m) {
      ArrayNode r = a.addArray();
      for (double v : row) {
        r.add(v);
      }
    }
    return a;
  }

  private static void putNullable(ObjectNode o, String field, double v) {
    if (Double.isFinite(v)) {
      o.put(field, v);
    } else {
      o.putNull(field);
    }
  }
}
