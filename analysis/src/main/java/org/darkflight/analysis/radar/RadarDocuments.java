package org.darkflight.analysis.radar;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.darkflight.io.json.Json;
import org.darkflight.io.radar.returns.ArtifactMeta;
import org.darkflight.io.radar.solution.RadarLayersDocument;
import org.darkflight.io.radar.solution.RadarLayersDocument.EllipseProperties;
import org.darkflight.io.radar.solution.RadarLayersDocument.Feature;
import org.darkflight.io.radar.solution.RadarLayersDocument.ImpactProperties;
import org.darkflight.io.radar.solution.RadarLayersDocument.Point;
import org.darkflight.io.radar.solution.RadarLayersDocument.Polygon;
import org.darkflight.io.radar.solution.RadarLayersDocument.RefinedPointProperties;
import org.darkflight.io.radar.solution.RadarLayersDocument.ReturnProperties;
import org.darkflight.io.radar.solution.RadarLayersDocument.SuiteProperties;
import org.darkflight.io.radar.solution.RadarLayersDocument.TerminusProperties;
import org.darkflight.io.radar.solution.RadarSolutionDocument;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.geodesy.GeodeticPoint;
import org.darkflight.physics.geodesy.LocalEnu;
import org.darkflight.physics.radar.RadarFix;
import org.darkflight.physics.trajectory.Landing;

/**
 * Maps a radar solution onto the documents IO writes: {@code radar_solution.json}
 * ({@link RadarSolutionDocument}) and the GeoJSON layer {@code radar_layers.geojson}
 * ({@link RadarLayersDocument}), whose refined-terminus ellipses are computed here from the
 * terminus covariance.
 */
public final class RadarDocuments {

  /** The model statement of the solution. */
  static final String SOLUTION_MODEL = "mass by bracketing root finder on ln m (Hipparchus"
      + " BracketingNthOrderBrentSolver); forward/backward flight with DarkflightSimulator;"
      + " refined terminus = confidence-weighted centroid of the calculated termini";
  private static final int ELLIPSE_VERTICES = 72;

  private RadarDocuments() {}

  /** The solution document (inputs hashed now). */
  public static RadarSolutionDocument solution(String eventId, RadarSolver solver,
      RadarSolution solution, double[] suiteMassesKg, List<SuiteLanding> strewnField,
      ArtifactMeta meta) throws IOException {
    return solution(eventId, solver, solution, suiteMassesKg, strewnField, meta, "msl");
  }

  /**
   * The solution document.
   *
   * @param heightReference what its heights are measured from ({@code msl} or {@code ellipsoid})
   */
  public static RadarSolutionDocument solution(String eventId, RadarSolver solver,
      RadarSolution solution, double[] suiteMassesKg, List<SuiteLanding> strewnField,
      ArtifactMeta meta, String heightReference) throws IOException {
    LuminousEnd le = solver.luminousEnd();
    Fragment t = solver.template();
    List<RadarSolutionDocument.ReturnEntry> returns = new ArrayList<>();
    for (ReturnSolution s : solution.returns()) {
      returns.add(returnEntry(s));
    }
    RefinedTerminus r = solution.refined();
    List<RadarSolutionDocument.SuiteEntry> field = new ArrayList<>();
    for (SuiteLanding l : strewnField) {
      field.add(l.landing() != null
          ? RadarSolutionDocument.LandedMass.of(l.massKg(), impact(l.landing()))
          : RadarSolutionDocument.FailedMass.of(l.massKg(), l.reason()));
    }
    return new RadarSolutionDocument(meta.block(SOLUTION_MODEL), eventId,
        new RadarSolutionDocument.EventTerminus(le.timeUtc(), le.latitudeDeg(),
            le.longitudeDeg(), le.altitudeM(), le.speedMps(), le.azimuthDeg(),
            le.elevationDeg()),
        new RadarSolutionDocument.Settings(solver.massMinKg(), solver.massMaxKg(),
            t.densityKgM3(), t.cd(), t.shapeFactor(),
            Arrays.stream(suiteMassesKg).boxed().toList()),
        returns,
        new RadarSolutionDocument.RefinedTerminus(r.luminousEnd().timeUtc(),
            r.luminousEnd().latitudeDeg(), r.luminousEnd().longitudeDeg(),
            r.luminousEnd().altitudeM(), r.eastM(), r.northM(), r.returnsUsed(),
            r.effectiveCount(), RadarSolutionDocument.matrix(r.covarianceEnM2()),
            RadarSolutionDocument.matrix(r.scatterCovEnM2()),
            RadarSolutionDocument.matrix(r.measurementCovEnM2()), r.semiMajorM(),
            r.semiMinorM(), r.orientationDeg()),
        field, heightReference);
  }

  private static RadarSolutionDocument.ReturnEntry returnEntry(ReturnSolution s) {
    RadarFix fix = s.radarReturn().fix();
    var ret = s.radarReturn().radarReturn();
    MassFit fit = s.massFit();
    if (!s.solved()) {
      return new RadarSolutionDocument.UnsolvedReturn(s.id(), ret.observation().site().id(),
          ret.observation().timeUtc(), fix.latitudeDeg(), fix.longitudeDeg(), fix.heightM(),
          ret.confidence(), fit.found() ? "failed" : "no_mass_fits", s.reason(),
          fit.observedTimeS(), RadarSolutionDocument.finiteOrNull(fit.lightestTimeS()),
          RadarSolutionDocument.finiteOrNull(fit.heaviestTimeS()), fit.evaluations(),
          fit.found() ? fit.massKg() : null);
    }
    RadarSolutionDocument.CalculatedTerminus terminus =
        new RadarSolutionDocument.CalculatedTerminus(s.terminus().latitudeDeg(),
            s.terminus().longitudeDeg(), s.terminus().heightM(), s.terminusTimeS(),
            s.terminusMethod().name().toLowerCase(Locale.ROOT),
            RadarSolutionDocument.finiteOrNull(s.backwardGapM()), s.terminusEastM(),
            s.terminusNorthM(), RadarSolutionDocument.matrix(s.terminusCovEnM2()));
    return new RadarSolutionDocument.SolvedReturn(s.id(), ret.observation().site().id(),
        ret.observation().timeUtc(), fix.latitudeDeg(), fix.longitudeDeg(), fix.heightM(),
        ret.confidence(), RadarSolutionDocument.SolvedReturn.SOLVED, fit.observedTimeS(),
        RadarSolutionDocument.finiteOrNull(fit.lightestTimeS()),
        RadarSolutionDocument.finiteOrNull(fit.heaviestTimeS()), fit.evaluations(),
        fit.massKg(), RadarSolutionDocument.finiteOrNull(fit.massAtPlusSigmaKg()),
        RadarSolutionDocument.finiteOrNull(fit.massAtMinusSigmaKg()),
        impact(s.predictedImpact()), terminus);
  }

  private static RadarSolutionDocument.Impact impact(Landing l) {
    return new RadarSolutionDocument.Impact(l.latitudeDeg(), l.longitudeDeg(), l.timeUtc(),
        l.fallTimeS(), l.impactSpeedMps(), l.massFinalKg());
  }

  /** The GeoJSON layer (inputs hashed now). */
  public static RadarLayersDocument layers(RadarSolution solution, List<SuiteLanding> suite,
      ArtifactMeta meta) throws IOException {
    List<Feature> features = new ArrayList<>();
    for (ReturnSolution s : solution.returns()) {
      RadarFix f = s.radarReturn().fix();
      var ret = s.radarReturn().radarReturn();
      features.add(new Feature(Point.of(f.longitudeDeg(), f.latitudeDeg(), f.heightM()),
          new ReturnProperties(ReturnProperties.LAYER, s.id(),
              ret.observation().site().id(), ret.observation().timeUtc(),
              round(f.heightM(), 1), round(f.sigmaHeightM(), 1),
              s.solved() ? "solved" : "unsolved",
              s.massFit().found() ? s.massFit().massKg() : null)));
    }
    for (ReturnSolution s : solution.returns()) {
      if (s.solved()) {
        GeodeticPoint t = s.terminus();
        features.add(new Feature(Point.of(t.longitudeDeg(), t.latitudeDeg(), t.heightM()),
            new TerminusProperties(TerminusProperties.LAYER, s.id(),
                s.terminusMethod().name().toLowerCase(Locale.ROOT),
                round(s.terminusEastM(), 2), round(s.terminusNorthM(), 2))));
      }
    }
    RefinedTerminus r = solution.refined();
    LuminousEnd le = r.luminousEnd();
    features.add(new Feature(Point.of(le.longitudeDeg(), le.latitudeDeg(), le.altitudeM()),
        new RefinedPointProperties(RefinedPointProperties.LAYER, r.returnsUsed(),
            round(r.semiMajorM(), 1), round(r.semiMinorM(), 1), round(r.orientationDeg(), 2))));
    for (int k = 1; k <= 2; k++) {
      features.add(ellipse(r, k));
    }
    for (ReturnSolution s : solution.returns()) {
      if (s.solved()) {
        Landing l = s.predictedImpact();
        features.add(new Feature(Point.of(l.longitudeDeg(), l.latitudeDeg(), Double.NaN),
            new ImpactProperties(ImpactProperties.LAYER, s.id(), l.massFinalKg(), l.timeUtc())));
      }
    }
    for (SuiteLanding sl : suite) {
      if (sl.landing() != null) {
        Landing l = sl.landing();
        features.add(new Feature(Point.of(l.longitudeDeg(), l.latitudeDeg(), Double.NaN),
            new SuiteProperties(SuiteProperties.LAYER, sl.massKg(), l.timeUtc(),
                round(l.fallTimeS(), 2))));
      }
    }
    return new RadarLayersDocument(meta.block(null), features);
  }

  /** The k-σ ellipse of the refined terminus as a closed ring mapped from its ENU plane. */
  private static Feature ellipse(RefinedTerminus r, int k) {
    LuminousEnd le = r.luminousEnd();
    LocalEnu frame = LocalEnu.atDegrees(le.latitudeDeg(), le.longitudeDeg(), 0.0);
    double a = k * r.semiMajorM();
    double b = k * r.semiMinorM();
    double bearing = Math.toRadians(r.orientationDeg());
    List<List<BigDecimal>> ring = new ArrayList<>();
    // RFC 7946 §3.1.6: exterior rings counter-clockwise — walk the angle backwards in bearing.
    for (int i = 0; i <= ELLIPSE_VERTICES; i++) {
      double t = -2 * Math.PI * (i % ELLIPSE_VERTICES) / ELLIPSE_VERTICES;
      double u = a * Math.cos(t);
      double v = b * Math.sin(t);
      // u along the major axis (bearing), v across it (bearing + 90°).
      double east = u * Math.sin(bearing) + v * Math.cos(bearing);
      double north = u * Math.cos(bearing) - v * Math.sin(bearing);
      GeodeticPoint p = frame.planeToGeodetic(east, north);
      ring.add(List.of(RadarLayersDocument.degrees(p.longitudeDeg()),
          RadarLayersDocument.degrees(p.latitudeDeg())));
    }
    return new Feature(new Polygon(List.of(ring)), new EllipseProperties(
        EllipseProperties.LAYER, k, round(a, 1), round(b, 1), round(r.orientationDeg(), 2)));
  }

  private static BigDecimal round(double v, int decimals) {
    return Json.roundedDecimal(v, decimals);
  }
}
