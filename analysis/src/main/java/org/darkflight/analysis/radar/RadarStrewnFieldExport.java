package org.darkflight.analysis.radar;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.darkflight.io.geo.ArtifactRef;
import org.darkflight.io.geo.GeoOutputOptions;
import org.darkflight.io.geo.LandingPoint;
import org.darkflight.io.geo.MassClasses;
import org.darkflight.io.geo.RunInfo;
import org.darkflight.io.kml.KmlPointFolder;
import org.darkflight.io.kml.StrewnFieldExport;
import org.darkflight.io.radar.returns.ArtifactMeta;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.radar.RadarFix;
import org.darkflight.physics.trajectory.Landing;

/**
 * The strewn field of the radar workflow through the project's geospatial writers
 * ({@link StrewnFieldExport}): the mass suite from the refined terminus and the impact predicted
 * from each return are the landing points (decadal mass classes); the KML gets two extra folders,
 * "Radar Returns" (at their heights, time-stamped) and "Calculated Termini" (each return's
 * terminus, the refined terminus and the event's input terminus).
 */
public final class RadarStrewnFieldExport {

  /** Icon colour of the radar returns, KML aabbggrr (cyan). */
  static final String RETURNS_COLOUR = "ffffff00";
  /** Icon colour of the termini, KML aabbggrr (magenta). */
  static final String TERMINI_COLOUR = "ffff00ff";

  private RadarStrewnFieldExport() {}

  /**
   * Writes strewn_field_points.geojson, uncertainty_ellipses.geojson, strewn_field.kml/.kmz;
   * {@code heightsAboveEllipsoid} says whether the solution's heights (the event's frame) are
   * above the WGS84 ellipsoid or above mean sea level.
   */
  public static StrewnFieldExport.Result write(Path dir, String eventId, RadarSolver solver,
      RadarSolution solution, List<SuiteLanding> suite, double cdScale, ArtifactMeta meta,
      boolean heightsAboveEllipsoid) throws IOException {
    RefinedTerminus refined = solution.refined();
    LuminousEnd le = refined.luminousEnd();
    Fragment template = solver.template();

    List<Double> initialMasses = new ArrayList<>();
    List<Landing> landings = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (SuiteLanding s : suite) {
      if (s.landing() != null) {
        landings.add(s.landing());
        ids.add("suite " + massLabel(s.massKg()));
        initialMasses.add(s.massKg());
      }
    }
    for (ReturnSolution s : solution.returns()) {
      if (s.solved()) {
        landings.add(s.predictedImpact());
        ids.add("return " + s.id());
        initialMasses.add(s.massFit().massKg());
      }
    }
    int lowDecade = Integer.MAX_VALUE;
    int highDecade = Integer.MIN_VALUE;
    for (double m : initialMasses) {
      int d = decade(m);
      lowDecade = Math.min(lowDecade, d);
      highDecade = Math.max(highDecade, d);
    }
    List<String> labels = new ArrayList<>();
    for (int d = lowDecade; d <= highDecade; d++) {
      labels.add(massLabel(Math.pow(10, d)) + "–" + massLabel(Math.pow(10, d + 1)));
    }
    MassClasses classes = new MassClasses(labels);
    List<LandingPoint> points = new ArrayList<>();
    double cd = template.cd() * cdScale;
    double radius = uncertaintyRadiusM(refined);
    for (int i = 0; i < landings.size(); i++) {
      Landing l = landings.get(i);
      double m0 = initialMasses.get(i);
      int k = decade(m0) - lowDecade;
      Fragment f = template.withMassKg(l.massFinalKg());
      points.add(new LandingPoint(ids.get(i), LandingPoint.DETERMINISTIC, classes.label(k), k,
          l.latitudeDeg(), l.longitudeDeg(), l.massFinalKg(), m0, l.impactSpeedMps(),
          l.timeUtc(), l.fallTimeS(), radius, l.impactEnergyJ(),
          l.massFinalKg() / (cd * f.crossSectionM2()), cd, template.densityKgM3()));
    }

    List<ArtifactRef> artifacts = new ArrayList<>();
    for (Path p : meta.inputs()) {
      artifacts.add(new ArtifactRef(p.getFileName().toString(), ArtifactMeta.sha256(p)));
    }
    Map<String, String> summary = new LinkedHashMap<>();
    summary.put("Workflow", "darkflight radar: strewn field from the radar-refined terminus");
    summary.put("Returns solved", refined.returnsUsed() + " of " + solution.returns().size());
    summary.put("Refined terminus offset", String.format(Locale.ROOT,
        "%.0f m east, %.0f m north of the event's", refined.eastM(), refined.northM()));
    summary.put("Refined terminus 1-sigma", String.format(Locale.ROOT, "%.0f m x %.0f m,"
        + " major axis %.0f deg", refined.semiMajorM(), refined.semiMinorM(),
        refined.orientationDeg()));
    RunInfo run = new RunInfo(eventId == null ? "radar" : eventId, "radar",
        org.darkflight.io.meta.Producer.gitCommit(),
        meta.createdUtc(), le.latitudeDeg(), le.longitudeDeg(), le.altitudeM(), le.timeUtc(),
        RadarRun.PRODUCER, artifacts,
        "skipped: radar solutions have no golden to validate against", summary,
        heightsAboveEllipsoid);

    return new StrewnFieldExport(GeoOutputOptions.defaults()).write(dir, run, classes, points,
        List.of(), List.of(), List.of(returnsFolder(solution), terminiFolder(solver,
            solution)));
  }

  /**
   * {@code uncertainty_radius_m} of the radar's landing points (docs/outputs.md): the radius of
   * the circle with the area of the refined terminus's 90 % ellipse, √(a·b)·√(−2 ln 0.1) from its
   * 1-σ axes; a shift of the terminus moves the landing by about as much. NaN (unknown) when the
   * terminus has no finite spread (fewer than two returns solved).
   */
  static double uncertaintyRadiusM(RefinedTerminus refined) {
    double r = Math.sqrt(refined.semiMajorM() * refined.semiMinorM())
        * Math.sqrt(-2 * Math.log(0.1));
    return Double.isFinite(r) && r > 0 ? r : Double.NaN;
  }

  private static KmlPointFolder returnsFolder(RadarSolution solution) {
    List<KmlPointFolder.Point> pts = new ArrayList<>();
    for (ReturnSolution s : solution.returns()) {
      RadarFix f = s.radarReturn().fix();
      Map<String, String> data = new LinkedHashMap<>();
      data.put("return_id", s.id());
      data.put("site_id", s.radarReturn().radarReturn().observation().site().id());
      data.put("altitude_m", fmt(f.heightM(), 1));
      data.put("sigma_altitude_m", fmt(f.sigmaHeightM(), 1));
      data.put("status", s.solved() ? "solved" : "unsolved: " + s.reason());
      if (s.massFit().found()) {
        data.put("mass_kg", fmt(s.massFit().massKg(), 6));
      }
      Instant t = s.radarReturn().radarReturn().observation().timeUtc();
      pts.add(new KmlPointFolder.Point("return " + s.id(), f.latitudeDeg(), f.longitudeDeg(),
          f.heightM(), t, data));
    }
    return new KmlPointFolder("Radar Returns", RETURNS_COLOUR, pts);
  }

  private static KmlPointFolder terminiFolder(RadarSolver solver, RadarSolution solution) {
    List<KmlPointFolder.Point> pts = new ArrayList<>();
    for (ReturnSolution s : solution.returns()) {
      if (!s.solved()) {
        continue;
      }
      Map<String, String> data = new LinkedHashMap<>();
      data.put("return_id", s.id());
      data.put("method", s.terminusMethod().name().toLowerCase(Locale.ROOT));
      data.put("east_m", fmt(s.terminusEastM(), 1));
      data.put("north_m", fmt(s.terminusNorthM(), 1));
      pts.add(new KmlPointFolder.Point("terminus from " + s.id(), s.terminus().latitudeDeg(),
          s.terminus().longitudeDeg(), s.terminus().heightM(), null, data));
    }
    RefinedTerminus r = solution.refined();
    Map<String, String> rd = new LinkedHashMap<>();
    rd.put("returns_used", Integer.toString(r.returnsUsed()));
    rd.put("sigma_major_m", fmt(r.semiMajorM(), 1));
    rd.put("sigma_minor_m", fmt(r.semiMinorM(), 1));
    rd.put("orientation_deg", fmt(r.orientationDeg(), 1));
    pts.add(new KmlPointFolder.Point("refined terminus", r.luminousEnd().latitudeDeg(),
        r.luminousEnd().longitudeDeg(), r.luminousEnd().altitudeM(),
        r.luminousEnd().timeUtc(), rd));
    LuminousEnd e = solver.luminousEnd();
    pts.add(new KmlPointFolder.Point("event terminus (input)", e.latitudeDeg(),
        e.longitudeDeg(), e.altitudeM(), e.timeUtc(), Map.of()));
    return new KmlPointFolder("Calculated Termini", TERMINI_COLOUR, pts);
  }

  /** Decade of a mass: floor(log10(m / kg)), with a guard against rounding at exact powers. */
  static int decade(double massKg) {
    return (int) Math.floor(Math.log10(massKg) + 1e-9);
  }

  /** "1 g", "100 g", "1 kg", "10 kg", "0.1 g"… */
  static String massLabel(double massKg) {
    double grams = massKg * 1000;
    if (grams < 1000) {
      return trim(grams) + " g";
    }
    return trim(massKg) + " kg";
  }

  private static String trim(double v) {
    String s = String.format(Locale.ROOT, "%.6g", v);
    s = new java.math.BigDecimal(s).stripTrailingZeros().toPlainString();
    return s;
  }

  private static String fmt(double v, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
