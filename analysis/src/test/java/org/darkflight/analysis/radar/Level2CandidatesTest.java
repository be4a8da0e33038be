package org.darkflight.analysis.radar;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.sf.geographiclib.Constants;
import org.darkflight.io.nexrad.Level2Sweep;
import org.darkflight.io.nexrad.Level2Volume;
import org.darkflight.io.nexrad.NexradSite;
import org.junit.jupiter.api.Test;

/**
 * Candidate selection on a synthetic Level II volume built from {@link Level2Sweep}s directly,
 * with a radar on the equator looking east along it. There every quantity has a closed form:
 * the normal-section Earth radius along the equator is the equatorial radius a, the geodesic
 * from the site along azimuth 90° is the equator itself (so the beam centre lies at latitude 0
 * and longitude s/a), and the 4/3-Earth beam model (Doviak &amp; Zrnić eqs. 2.28b–c) gives the
 * height and the ground arc s of every gate:
 *
 * <pre>
 *   R = 4/3 · a,  h = sqrt(r² + R² + 2 r R sin θ) − R,  s = R · asin(r cos θ / (R + h))
 * </pre>
 *
 * The corridor is two vertical tracks 50 km and 52 km east of the radar (a 0.1 kg stone falling
 * at 25 m/s and a 1 kg stone at 50 m/s from 20 km), widened by 1 km: a gate is inside exactly
 * when 49 km ≤ s ≤ 53 km.
 */
class Level2CandidatesTest {

  static final double A = Constants.WGS84_a;
  static final double ANTENNA_M = 100.0;
  static final double HALF_WIDTH_M = 1000.0;
  static final double ELEVATION_DEG = 0.5;
  static final Instant END = Instant.parse("2020-06-01T12:00:00Z");
  static final double WINDOW_S = 900.0;
  static final double MIN_DBZ = 10.0;
  static final NexradSite SITE = new NexradSite("TEST", 0.0, 0.0, 90.0, ANTENNA_M,
      "synthetic");

  /** Gate slant ranges, m: 40 km to 60 km every 250 m, offset 37 m so none sits on an edge. */
  static float[] ranges() {
    float[] r = new float[81];
    for (int i = 0; i < r.length; i++) {
      r[i] = 40_037f + 250f * i;
    }
    return r;
  }

  /** The code of a reflectivity in dBZ (0.5 dBZ steps, offset −33 dBZ). */
  static byte code(double dbz) {
    return (byte) Math.round((dbz + 33.0) / 0.5);
  }

  /** Reflectivity of gate g on the eastward radial: 20 dBZ, 9.5 dBZ, exactly 10 dBZ, no echo. */
  static double dbzEast(int g) {
    return switch (g % 4) {
      case 0 -> 20.0;
      case 1 -> 9.5;
      case 2 -> 10.0;
      default -> Double.NaN;
    };
  }

  /** A sweep at {@code afterS} after the luminous end: radials east (90°) and west (270°). */
  static Level2Sweep sweep(int elevationNumber, double afterS) {
    float[] r = ranges();
    int g = r.length;
    byte[] codes = new byte[2 * g];
    for (int i = 0; i < g; i++) {
      double d = dbzEast(i);
      codes[i] = Double.isNaN(d) ? (byte) 0 : code(d);
      // strong echo to the west, outside the corridor (every fourth gate, so that the eastern
      // gates' neighbourhoods stay below the widespread-echo share)
      codes[g + i] = i % 4 == 3 ? code(40.0) : 0;
    }
    long t = END.toEpochMilli() + Math.round(afterS * 1000);
    return new Level2Sweep(Level2Sweep.Moment.REFLECTIVITY, elevationNumber, Double.NaN,
        new long[] {t, t + 20}, new float[] {90f, 270f},
        new float[] {(float) ELEVATION_DEG, (float) ELEVATION_DEG}, r, codes, 0.5f, -33f);
  }

  static Level2Volume volume(List<Level2Sweep> sweeps) {
    Instant first = sweeps.stream().map(Level2Sweep::start).min(Instant::compareTo)
        .orElseThrow();
    Instant last = sweeps.stream().map(Level2Sweep::end).max(Instant::compareTo).orElseThrow();
    return new Level2Volume(Path.of("SYNTH_V06"), "AR2V0006", SITE, first, first, last, true,
        List.of(), Double.NaN, sweeps, List.of());
  }

  /** A vertical track at {@code eastM} east of the radar on the equator. */
  static FallCorridor.Track track(String label, double massKg, double eastM, double speedMps) {
    List<FallCorridor.Point> p = new ArrayList<>();
    for (double h = 20_000; h >= 0; h -= 500) {
      p.add(new FallCorridor.Point((20_000 - h) / speedMps, 0.0, Math.toDegrees(eastM / A), h));
    }
    return new FallCorridor.Track(label, massKg, p);
  }

  static FallCorridor corridor() {
    return new FallCorridor(List.of(track("light", 0.1, 52_000, 25),
        track("heavy", 1.0, 50_000, 50)), HALF_WIDTH_M);
  }

  static double re() {
    return 4.0 / 3.0 * A;
  }

  /** Height of the beam centre above the antenna (eq. 2.28b). */
  static double heightAboveAntenna(double r) {
    double th = Math.toRadians(ELEVATION_DEG);
    return Math.sqrt(r * r + re() * re() + 2 * r * re() * Math.sin(th)) - re();
  }

  /** Ground arc (eq. 2.28c). */
  static double arc(double r) {
    double th = Math.toRadians(ELEVATION_DEG);
    return re() * Math.asin(r * Math.cos(th) / (re() + heightAboveAntenna(r)));
  }

  static Level2Candidates.Settings settings() {
    // ground 500 m below sea level: the 0.5° beam's lower edge stays clear of it (no
    // beam_near_ground flag); the tracks reach down to 0 m
    return Level2Candidates.Settings.defaults(MIN_DBZ, 0.0, WINDOW_S, -500.0);
  }

  @Test
  void returnsExactlyTheGatesInsideTheCorridorWindowAndThreshold() {
    // sweeps before the luminous end and after the window carry the same echoes
    Level2Volume v = volume(List.of(sweep(1, -30), sweep(2, 500), sweep(3, WINDOW_S + 30)));
    List<Level2Candidates.Candidate> found = Level2Candidates.find(List.of(v), END, corridor(),
        settings());
    TreeSet<Integer> expected = new TreeSet<>();
    float[] r = ranges();
    double closestToEdge = Double.POSITIVE_INFINITY;
    for (int g = 0; g < r.length; g++) {
      double s = arc(r[g]);
      closestToEdge = Math.min(closestToEdge, Math.min(Math.abs(s - 49_000),
          Math.abs(s - 53_000)));
      if (s >= 49_000 && s <= 53_000 && dbzEast(g) >= MIN_DBZ) {
        expected.add(g);
      }
    }
    assertThat("the test's gates keep clear of the corridor's edges", closestToEdge,
        greaterThan(5.0));
    assertThat(expected.size(), greaterThan(4));
    TreeSet<Integer> got = new TreeSet<>();
    for (Level2Candidates.Candidate c : found) {
      assertThat(c.id(), c.elevationNumber(), is(2));
      assertThat(c.id(), c.radial(), is(0));
      got.add(c.gate());
    }
    assertThat(got, equalTo(expected));
    assertThat(found.size(), is(expected.size()));
  }

  @Test
  void antennaHeightAboveSeaLevelIsConvertedIntoAnEllipsoidalFrame() {
    // NEXRAD gives the antenna height above mean sea level; a corridor flown in ellipsoidal
    // heights must see each gate N (the EGM96 undulation at the site) higher
    double n = org.darkflight.io.geoid.Egm96.undulationM(SITE.latitudeDeg(),
        SITE.longitudeDeg());
    assertThat("the test needs a geoid height well away from 0", Math.abs(n), greaterThan(10.0));
    Level2Volume v = volume(List.of(sweep(2, 500)));
    List<Level2Candidates.Candidate> msl = Level2Candidates.find(List.of(v), END, corridor(),
        settings());
    List<Level2Candidates.Candidate> ell = Level2Candidates.find(List.of(v), END, corridor(),
        settings(), org.darkflight.io.geoid.HeightReference.ELLIPSOID);
    assertThat(msl.size(), greaterThan(4));
    assertThat(ell.size(), is(msl.size()));
    for (int i = 0; i < ell.size(); i++) {
      double r = ell.get(i).observation().slantRangeM();
      assertThat(ell.get(i).fix().heightM(), closeTo(ANTENNA_M + n + heightAboveAntenna(r),
          1e-6));
      assertThat(ell.get(i).fix().heightM() - msl.get(i).fix().heightM(), closeTo(n, 1e-6));
    }
  }

  @Test
  void locatesEachGateByTheFourThirdsEarthModel() {
    Level2Volume v = volume(List.of(sweep(2, 500)));
    List<Level2Candidates.Candidate> found = Level2Candidates.find(List.of(v), END, corridor(),
        settings());
    assertThat(found.size(), greaterThan(4));
    for (Level2Candidates.Candidate c : found) {
      double r = c.observation().slantRangeM();
      assertThat(c.fix().latitudeDeg(), closeTo(0.0, 1e-9));
      assertThat(c.fix().longitudeDeg(), closeTo(Math.toDegrees(arc(r) / A), 1e-9));
      assertThat(c.fix().heightM(), closeTo(ANTENNA_M + heightAboveAntenna(r), 1e-6));
      double s = arc(r);
      double expectedDistance = s < 50_000 ? 50_000 - s : s > 52_000 ? s - 52_000 : 0.0;
      assertThat(c.corridor().distanceM(), closeTo(expectedDistance, 1e-3));
      assertThat(c.observation().gateLengthM(), is(250.0));
      assertThat(c.observation().timeUtc(), is(END.plusSeconds(500)));
      assertThat(c.reflectivityDbz() >= MIN_DBZ, is(true));
    }
  }

  @Test
  void flagsGatesTheCorridorsStonesCannotReachYet() {
    // 100 s after the end the stones are still far above the beam (the 1 kg stone reaches
    // ~800 m after (20000 − 800)/50 = 384 s); 500 s is between the two stones' arrival times
    Level2Volume v = volume(List.of(sweep(1, 100), sweep(2, 500)));
    List<Level2Candidates.Candidate> found = Level2Candidates.find(List.of(v), END, corridor(),
        settings());
    for (Level2Candidates.Candidate c : found) {
      double h = c.fix().heightM();
      assertThat(c.corridor().earliestS(), closeTo((20_000 - h) / 50, 1e-6));
      assertThat(c.corridor().latestS(), closeTo((20_000 - h) / 25, 1e-6));
      if (c.elevationNumber() == 1) {
        assertThat(c.id(), c.flags(), contains(Level2Candidates.FLAG_FALL_TIME_MISMATCH));
      } else {
        assertThat(c.id(), c.flags(), empty());
      }
    }
    assertThat(found.stream().filter(c -> c.elevationNumber() == 1).count(),
        is(found.stream().filter(c -> c.elevationNumber() == 2).count()));
  }

  @Test
  void flagsAnEchoThatFillsItsNeighbourhood() {
    float[] r = ranges();
    int g = r.length;
    byte[] codes = new byte[2 * g];
    java.util.Arrays.fill(codes, code(20.0));
    long t = END.toEpochMilli() + 500_000;
    Level2Sweep full = new Level2Sweep(Level2Sweep.Moment.REFLECTIVITY, 1, Double.NaN,
        new long[] {t, t + 20}, new float[] {90f, 270f},
        new float[] {(float) ELEVATION_DEG, (float) ELEVATION_DEG}, r, codes, 0.5f, -33f);
    List<Level2Candidates.Candidate> found = Level2Candidates.find(
        List.of(volume(List.of(full))), END, corridor(), settings());
    assertThat(found.size(), greaterThan(4));
    for (Level2Candidates.Candidate c : found) {
      assertThat(c.neighbourShare(), is(1.0));
      assertThat(c.flags(), contains(Level2Candidates.FLAG_WIDESPREAD_ECHO));
    }
  }

  @Test
  void idsStayUniqueWhenASweepRepeats() {
    Level2Volume v = volume(List.of(sweep(2, 500)));
    List<Level2Candidates.Candidate> once = Level2Candidates.find(List.of(v), END, corridor(),
        settings());
    List<Level2Candidates.Candidate> twice = Level2Candidates.find(List.of(v, v), END,
        corridor(), settings());
    assertThat(twice.size(), is(2 * once.size()));
    assertThat(new TreeSet<>(twice.stream().map(Level2Candidates.Candidate::id).toList()).size(),
        is(twice.size()));
    assertThat(twice.get(once.size()).id(), is(once.get(0).id() + "-2"));
  }

  @Test
  void theCorridorIsTheSegmentBetweenTheTracksWidened() {
    FallCorridor c = corridor();
    double lonOf = Math.toDegrees(1.0 / A); // degrees per metre along the equator
    FallCorridor.Hit between = c.locate(0.0, 51_000 * lonOf, 5_000);
    assertThat(between.distanceM(), closeTo(0.0, 1e-6));
    assertThat(between.inside(), is(true));
    // halfway: the time halfway between the two stones' times at 5 km
    assertThat(between.nearestS(), closeTo(0.5 * (15_000 / 50.0 + 15_000 / 25.0), 1e-6));
    FallCorridor.Hit beyond = c.locate(0.0, 53_500 * lonOf, 5_000);
    assertThat(beyond.distanceM(), closeTo(1_500, 1e-3));
    assertThat(beyond.inside(), is(false));
    FallCorridor.Hit north = c.locate(Math.toDegrees(800 / Constants.WGS84_a
        / (1 - Constants.WGS84_f * (2 - Constants.WGS84_f))), 50_500 * lonOf, 5_000);
    assertThat(north.distanceM(), closeTo(800, 0.01));
    assertThat(c.locate(0.0, 51_000 * lonOf, 20_500), nullValue());
    assertThat(c.topM(), is(20_000.0));
    assertThat(c.longestFallTimeS(), is(800.0));
  }
}
