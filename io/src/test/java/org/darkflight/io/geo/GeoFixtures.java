package org.darkflight.io.geo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** Small synthetic runs for the writer tests (no physics: values are made up but valid). */
public final class GeoFixtures {

  public static final Instant CREATED = Instant.parse("2026-11-25T12:00:00Z");
  public static final Instant LUMINOUS_END_TIME = Instant.parse("2026-11-24T21:13:07.250Z");
  public static final double END_LAT = 46.123456;
  public static final double END_LON = 7.654321;
  public static final String HOSTILE = "<frag&\"]]>'\u0001>";

  public static final MassClasses CLASSES = new MassClasses(
      List.of("<1 g", "1 g–10 g", "10–100 g", "0.1–1 kg", ">1 kg"));

  private GeoFixtures() {}

  public static RunInfo run() {
    return run("EV-2026-11-24", "run-0001");
  }

  public static RunInfo run(String eventId, String runId) {
    return new RunInfo(eventId, runId, "0123456789abcdef0123456789abcdef01234567", CREATED,
        END_LAT, END_LON, 21_500.0, LUMINOUS_END_TIME, "darkflight 0.1.0-test",
        List.of(new ArtifactRef("inputs/event.json", "a".repeat(64)),
            new ArtifactRef("inputs/atmos_profile.json", "0123456789".repeat(6) + "abcd")),
        "passed", Map.of("ensemble_samples", "100", "seed", "42"));
  }

  /** Mass class of a final mass, by decades from 1 g. */
  public static int classOf(double massKg) {
    if (massKg < 0.001) {
      return 0;
    } else if (massKg < 0.01) {
      return 1;
    } else if (massKg < 0.1) {
      return 2;
    } else if (massKg < 1) {
      return 3;
    }
    return 4;
  }

  /**
   * Ensemble point {@code i}: mass log-uniform 0.1 g .. 10 kg by a fixed sequence, position
   * spread east of the luminous end by mass.
   */
  public static LandingPoint point(long i) {
    double u = ((i * 0.6180339887498949) % 1.0);
    double massKg = 1e-4 * Math.pow(10, 5 * u);
    int c = classOf(massKg);
    double lat = 46.0 + 0.001 * (i % 97) + 0.0000004;
    double lon = 7.5 + 0.02 * Math.log10(massKg / 1e-4) + 0.0000001 * (i % 7);
    double v = 20 + 10 * Math.sqrt(massKg);
    return new LandingPoint("F" + (i % 3), i, CLASSES.label(c), c, lat, lon, massKg,
        massKg * 1.5, v, LUMINOUS_END_TIME.plusSeconds(180 + i % 60), 180 + i % 60,
        i % 5 == 0 ? Double.NaN : 25.0 + i % 11, 0.5 * massKg * v * v, 50 + massKg,
        1.2, 3400);
  }

  public static List<LandingPoint> points(int n) {
    List<LandingPoint> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(point(i));
    }
    return out;
  }

  /** A deterministic fragment with an id built from hostile characters. */
  public static LandingPoint hostilePoint() {
    return new LandingPoint(HOSTILE, LandingPoint.DETERMINISTIC, CLASSES.label(3), 3, 46.05,
        7.6, 0.5, 0.6, 45.5, LUMINOUS_END_TIME.plusSeconds(200), 200, 30, 516.0625, 80, 1.3,
        3500);
  }

  /** Streams {@code n} generated points without holding them. */
  public static Iterator<LandingPoint> stream(long n) {
    return new Iterator<>() {
      private long i;

      @Override
      public boolean hasNext() {
        return i < n;
      }

      @Override
      public LandingPoint next() {
        if (i >= n) {
          throw new NoSuchElementException();
        }
        return point(i++);
      }
    };
  }

  public static List<EllipseFeature> ellipses() {
    List<EllipseFeature> out = new ArrayList<>();
    LatLon center = new LatLon(46.04, 7.58);
    EastNorthCovariance cov = new EastNorthCovariance(250_000, 90_000, 160_000);
    for (double p : new double[] {0.9, 0.5}) {
      out.add(EllipseFeature.fromCovariance(CLASSES.label(4), 4, p, 120, center, cov, 36));
      out.add(EllipseFeature.fromCovariance(CLASSES.label(1), 1, p, 300,
          new LatLon(46.03, 7.52), new EastNorthCovariance(40_000, -5_000, 90_000), 36));
    }
    return out;
  }

  public static List<TrajectoryLine> trajectories() {
    List<TrajectoryLine> out = new ArrayList<>();
    for (int c = 1; c <= 4; c += 3) {
      List<TrajectoryPoint3d> pts = new ArrayList<>();
      for (int k = 0; k <= 10; k++) {
        pts.add(new TrajectoryPoint3d(END_LAT - 0.008 * k, END_LON + 0.004 * k * c,
            21_500 * (1 - k / 10.0), 20.0 * k));
      }
      out.add(new TrajectoryLine("F" + c, CLASSES.label(c), c, Math.pow(10, c - 3), pts));
    }
    return out;
  }
}
