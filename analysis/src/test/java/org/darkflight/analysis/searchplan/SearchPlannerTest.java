package org.darkflight.analysis.searchplan;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.darkflight.io.geo.LatLon;
import org.darkflight.io.geo.LocalTangentPlane;
import org.darkflight.io.geo.RunInfo;
import org.darkflight.io.searchplan.RunLandings;
import org.darkflight.io.searchplan.SearchPlan;
import org.junit.jupiter.api.Test;

/**
 * The search plan against closed forms: the highest-density region of a Gaussian landing cloud
 * is the ellipse of area π·σ₁·σ₂·χ²₂(p) with χ²₂(p) = −2·ln(1 − p); a banana-shaped cloud gets a
 * banana-shaped region much smaller than its covariance ellipse; transects cover an area with
 * length ≈ area / spacing, alternate direction and hop about one spacing between lines.
 */
class SearchPlannerTest {

  static final LatLon ORIGIN = new LatLon(41.35, -87.79);
  static final LocalTangentPlane PLANE = new LocalTangentPlane(ORIGIN);

  static RunInfo run() {
    return new RunInfo("synthetic", "0123456789abcdef", null,
        Instant.parse("2024-01-01T00:00:00Z"), ORIGIN.latitudeDeg(), ORIGIN.longitudeDeg(),
        20_000, Instant.parse("2024-01-01T00:00:00Z"), "darkflight test", List.of(),
        "not_run", Map.of());
  }

  /** A class of landings at east/north offsets (m). */
  static RunLandings.ClassLandings cls(int index, double[][] en) {
    double[] lat = new double[en.length];
    double[] lon = new double[en.length];
    for (int i = 0; i < en.length; i++) {
      LatLon p = PLANE.toLatLon(en[i][0], en[i][1]);
      lat[i] = p.latitudeDeg();
      lon[i] = p.longitudeDeg();
    }
    return new RunLandings.ClassLandings(index, "class " + index, lat, lon);
  }

  /** n points of a centred Gaussian with σ₁ along azimuth az (deg) and σ₂ across, offset. */
  static double[][] gaussian(long seed, int n, double s1, double s2, double azDeg, double e0,
      double n0) {
    Random r = new Random(seed);
    double a = Math.toRadians(azDeg);
    double[][] out = new double[n][];
    for (int i = 0; i < n; i++) {
      double u = r.nextGaussian() * s1;
      double v = r.nextGaussian() * s2;
      out[i] = new double[] {e0 + u * Math.sin(a) + v * Math.cos(a),
          n0 + u * Math.cos(a) - v * Math.sin(a)};
    }
    return out;
  }

  static double chi2(double p) {
    return -2 * Math.log(1 - p);
  }

  static SearchPlan plan(RunLandings.ClassLandings... classes) {
    return new SearchPlanner(SearchPlanner.Options.defaults())
        .plan(new RunLandings(run(), List.of(classes)), List.of(), List.of());
  }

  static SearchPlan.Area area(SearchPlan plan, int cls, double p) {
    return plan.areas().stream().filter(a -> a.massClassIndex() == cls && a.probability() == p)
        .findFirst().orElseThrow();
  }

  @Test
  void roundGaussianRegionsHaveTheAnalyticEllipseArea() {
    double s = 300;
    SearchPlan plan = plan(cls(0, gaussian(1, 4000, s, s, 0, 0, 0)));
    for (double p : List.of(0.5, 0.9)) {
      SearchPlan.Area a = area(plan, 0, p);
      double exact = Math.PI * s * s * chi2(p);
      assertThat("area at " + p, a.areaM2() / exact, closeTo(1.0, 0.04));
      assertThat("landings inside at " + p, a.landingFractionInside(), closeTo(p, 0.01));
      assertThat(a.polygons(), hasSize(1));
    }
  }

  @Test
  void elongatedGaussianRegionHasTheAnalyticEllipseArea() {
    SearchPlan plan = plan(cls(3, gaussian(2, 4000, 900, 250, 30, 2000, -1500)));
    SearchPlan.Area a = area(plan, 3, 0.9);
    double exact = Math.PI * 900 * 250 * chi2(0.9);
    assertThat(a.areaM2() / exact, closeTo(1.0, 0.05));
    assertThat(a.landingFractionInside(), closeTo(0.9, 0.01));
    // The field's axis is the cloud's major axis, and the transects run across it.
    assertThat(plan.settings().fieldAxisAzimuthDeg(), closeTo(30, 2));
    assertThat(plan.settings().transectAzimuthDeg(), closeTo(120, 2));
  }

  @Test
  void bananaFieldGetsABananaRegionMuchSmallerThanItsEllipse() {
    // Landings along a 90° arc of radius 4 km (10 km long), 120 m wide (σ across).
    Random r = new Random(3);
    int n = 4000;
    double[][] en = new double[n][];
    double[] e = new double[n];
    double[] no = new double[n];
    for (int i = 0; i < n; i++) {
      double t = Math.toRadians(-45 + 90 * r.nextDouble());
      double rad = 4000 + 120 * r.nextGaussian();
      en[i] = new double[] {rad * Math.sin(t), rad * Math.cos(t) - 4000};
      e[i] = en[i][0];
      no[i] = en[i][1];
    }
    SearchPlan plan = plan(cls(5, en));
    SearchPlan.Area a = area(plan, 5, 0.9);
    double[] c = LandingDensity.covariance(e, no);
    double[] l = LandingDensity.eigen(c);
    double ellipse90 = Math.PI * Math.sqrt(l[0] * l[1]) * chi2(0.9);
    assertThat(a.landingFractionInside(), closeTo(0.9, 0.01));
    assertThat("HDR " + a.areaM2() + " m² vs ellipse " + ellipse90 + " m²",
        a.areaM2() / ellipse90, lessThan(0.5));
    // ≈ the arc's length times the band holding 90 % across it (±1.645 σ).
    assertThat(a.areaM2() / (Math.PI / 2 * 4000 * 2 * 1.645 * 120), closeTo(1.0, 0.25));
  }

  @Test
  void ringShapedFieldGetsARegionWithAHole() {
    Random r = new Random(11);
    int n = 4000;
    double[][] en = new double[n][];
    for (int i = 0; i < n; i++) {
      double t = 2 * Math.PI * r.nextDouble();
      double rad = 1000 + 60 * r.nextGaussian();
      en[i] = new double[] {rad * Math.sin(t), rad * Math.cos(t)};
    }
    // A kernel narrower than the ring's width (the rule would take the pooled minor spread,
    // ~700 m, to 177 m: still a ring with a hole, but a few % wider, see below).
    SearchPlan plan = new SearchPlanner(new SearchPlanner.Options(20,
        SearchPlan.Orientation.ACROSS, 2, 40, Double.NaN, 1024, 20))
        .plan(new RunLandings(run(), List.of(cls(4, en))), List.of(), List.of());
    SearchPlan.Area a = area(plan, 4, 0.9);
    assertThat(a.bandwidthM(), is(40.0));
    assertThat(a.polygons(), hasSize(1));
    assertThat(a.polygons().get(0).holes(), hasSize(1));
    assertThat(a.landingFractionInside(), closeTo(0.9, 0.01));
    // Circumference times the band holding 90 % across it.
    double band = 2 * Math.PI * 1000 * 2 * 1.645 * 60;
    assertThat(a.areaM2() / band, closeTo(1.0, 0.05));
    // The hole is the ring's inside: its ring lies within the inner edge of the band.
    for (LatLon q : a.polygons().get(0).holes().get(0)) {
      assertThat(Math.hypot(PLANE.eastM(q), PLANE.northM(q)), closeTo(1000 - 1.645 * 60, 50));
    }
    // The default rule over-smooths a ring (its width is far below the pooled spread): the
    // region stays a ring with a hole, and errs on the large side by less than 10 %.
    SearchPlan.Area rule = area(plan(cls(4, en)), 4, 0.9);
    assertThat(rule.polygons().get(0).holes(), hasSize(1));
    assertThat(rule.areaM2() / band, closeTo(1.05, 0.05));
  }

  @Test
  void transectsCoverTheAreaBoustrophedon() {
    SearchPlan plan = plan(cls(1, gaussian(4, 3000, 400, 400, 0, 0, 0)));
    SearchPlan.Area a = area(plan, 1, 0.9);
    SearchPlan.Track t = plan.tracks().get(0);
    double spacing = plan.settings().transectSpacingM();
    // Length of parallel lines `spacing` apart across a region ≈ its area / spacing.
    assertThat(t.transectLengthM() / (a.areaM2() / spacing), closeTo(1.0, 0.02));
    assertThat(a.transectLengthM(), closeTo(t.transectLengthM(), 1e-6));
    assertThat(a.transectLegs(), is(t.legs().size()));
    // Lines (legs at one offset across them) alternate direction.
    double[] across = direction(t.legs().get(0));
    int lines = 1;
    int reversals = 0;
    double hopMax = 0;
    for (int i = 1; i < t.legs().size(); i++) {
      List<LatLon> prev = t.legs().get(i - 1);
      List<LatLon> leg = t.legs().get(i);
      double offset = offset(leg.get(0), across) - offset(prev.get(0), across);
      double[] u = direction(prev);
      double[] v = direction(leg);
      if (Math.abs(offset) > spacing / 2) {
        lines++;
        assertThat("next line one spacing on", Math.abs(offset), closeTo(spacing, 1e-3));
        reversals += u[0] * v[0] + u[1] * v[1] < -0.999999 ? 1 : 0;
        hopMax = Math.max(hopMax, distance(prev.get(1), leg.get(0)));
      } else {
        assertThat("pieces of one line run the same way", u[0] * v[0] + u[1] * v[1],
            closeTo(1, 1e-6));
      }
    }
    assertThat(lines, greaterThan(50));
    // Boustrophedon: a line is walked the other way unless its far end is nearer (a ragged rim).
    assertThat("reversals " + reversals + " of " + (lines - 1), (double) reversals,
        greaterThan(0.95 * (lines - 1)));
    // A hop is one spacing across plus the change of chord half-length along the lines, which
    // adds up to at most twice the longest chord over a convex region.
    double longest = t.legs().stream().mapToDouble(l -> distance(l.get(0), l.get(1))).max()
        .orElseThrow();
    assertThat(hopMax, greaterThan(spacing * 0.999));
    assertThat(t.hopLengthM(), lessThan((lines - 1) * spacing + 2 * longest));
    // The 50 % area holds a part of the same transects.
    SearchPlan.Area core = area(plan, 1, 0.5);
    assertThat(core.transectLengthM() / (core.areaM2() / spacing), closeTo(1.0, 0.05));
    assertThat(core.transectLengthM(), lessThan(a.transectLengthM()));
  }

  @Test
  void separateClustersGiveAMultiPartRegionWithATrackEach() {
    double[][] west = gaussian(5, 1500, 150, 150, 0, -3000, 0);
    double[][] east = gaussian(6, 1500, 150, 150, 0, 3000, 0);
    double[][] both = new double[3000][];
    System.arraycopy(west, 0, both, 0, 1500);
    System.arraycopy(east, 0, both, 1500, 1500);
    SearchPlan plan = plan(cls(2, both));
    SearchPlan.Area a = area(plan, 2, 0.9);
    assertThat(a.polygons(), hasSize(2));
    assertThat(plan.tracks(), hasSize(2));
    assertThat(plan.tracks().get(1).part(), is(2));
    double exact = 2 * Math.PI * 150 * 150 * chi2(0.9);
    assertThat(a.areaM2() / exact, closeTo(1.0, 0.06));
  }

  @Test
  void smallClassesAreNotedAndModesBecomeWaypoints() {
    SearchPlan plan = plan(cls(0, gaussian(7, 5, 50, 50, 0, 0, 0)),
        cls(1, gaussian(8, 4000, 200, 100, 45, 1000, 1000)));
    assertThat(plan.areas().stream().allMatch(a -> a.massClassIndex() == 1), is(true));
    assertThat(plan.notes().get(0), equalTo("mass class class 0: 5 landings, too few for a "
        + "search area (at least 20)"));
    assertThat(plan.waypoints(), hasSize(1));
    SearchPlan.Waypoint w = plan.waypoints().get(0);
    assertThat(w.kind(), is(SearchPlan.WaypointKind.DENSITY_MODE));
    // The kernel mode of 4000 draws: within a third of the minor σ of the true mode.
    assertThat(distance(w.position(), PLANE.toLatLon(1000, 1000)), lessThan(35.0));
    assertThat(area(plan, 1, 0.5).waypointsInside(), is(1));
  }

  @Test
  void nominalLandingsBecomeWaypoints() {
    NominalLandings.Landing l = new NominalLandings.Landing("m10kg", 10, 9.5, 1, "class 1",
        PLANE.toLatLon(1000, 1000));
    SearchPlan plan = new SearchPlanner(SearchPlanner.Options.defaults()).plan(
        new RunLandings(run(), List.of(cls(1, gaussian(8, 500, 200, 100, 45, 1000, 1000)))),
        List.of(l), List.of());
    assertThat(plan.waypoints(), hasSize(1));
    assertThat(plan.waypoints().get(0).name(), equalTo("m10kg"));
    assertThat(plan.waypoints().get(0).kind(), is(SearchPlan.WaypointKind.NOMINAL_LANDING));
    assertThat(area(plan, 1, 0.9).waypointsInside(), is(1));
    assertThat(plan.notes(), is(empty()));
  }

  @Test
  void samePlanForTheSameLandings() {
    SearchPlan a = plan(cls(0, gaussian(9, 800, 300, 120, 70, 0, 0)));
    SearchPlan b = plan(cls(0, gaussian(9, 800, 300, 120, 70, 0, 0)));
    assertThat(a.areas(), equalTo(b.areas()));
    assertThat(a.tracks(), equalTo(b.tracks()));
    assertThat(a.tracks().get(0).legs().size(), greaterThan(10));
  }

  @Test
  void alongOrientationRunsTransectsAlongTheAxis() {
    SearchPlan plan = new SearchPlanner(new SearchPlanner.Options(25,
        SearchPlan.Orientation.ALONG, 3, Double.NaN, Double.NaN, 512, 20)).plan(
        new RunLandings(run(), List.of(cls(0, gaussian(10, 2000, 700, 200, 60, 0, 0)))),
        List.of(), List.of());
    assertThat(plan.settings().transectAzimuthDeg(), closeTo(60, 2));
    double[] d = direction(plan.tracks().get(0).legs().get(0));
    assertThat(Math.abs(d[0] * Math.sin(Math.toRadians(60)) + d[1] * Math.cos(
        Math.toRadians(60))), closeTo(1, 1e-3));
  }

  static double[] direction(List<LatLon> leg) {
    double de = PLANE.eastM(leg.get(1)) - PLANE.eastM(leg.get(0));
    double dn = PLANE.northM(leg.get(1)) - PLANE.northM(leg.get(0));
    double len = Math.hypot(de, dn);
    return new double[] {de / len, dn / len};
  }

  /** Offset of {@code p} perpendicular to the unit direction {@code d} (east, north), m. */
  static double offset(LatLon p, double[] d) {
    return PLANE.eastM(p) * d[1] - PLANE.northM(p) * d[0];
  }

  static double distance(LatLon a, LatLon b) {
    return Math.hypot(PLANE.eastM(a) - PLANE.eastM(b), PLANE.northM(a) - PLANE.northM(b));
  }
}
