package org.darkflight.analysis.radar;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.sf.geographiclib.Constants;
import org.darkflight.physics.trajectory.Trajectory;
import org.darkflight.physics.trajectory.TrajectoryPoint;

/**
 * The space-time corridor through which the fragments of an event fall: the nominal dark-flight
 * trajectories of a set of masses, widened horizontally by a half-width.
 *
 * <p>At a height h, each trajectory is at one point (the first time it descends through h,
 * linear interpolation between recorded samples) at one time; ordered by mass, these points form
 * the corridor's cross-section polyline at h (heavier stones run farther along the track, lighter
 * ones drift farther with the wind). A position is inside the corridor when its horizontal
 * distance to that polyline is at most the half-width and h lies between the ground and the
 * luminous-end height of at least one trajectory. Distances are measured in the local tangent
 * plane of the queried position with the WGS84 meridional and prime-vertical radii of curvature
 * (an equirectangular projection; for the few-kilometre distances of a corridor its error is of
 * the order of (d/R)² relative, below a millimetre).
 *
 * <p>The time each trajectory passes h gives the span of arrival times at that height
 * ({@link Hit#earliestS()}, {@link Hit#latestS()}): what a radar return of these stones at that
 * height must agree with.
 */
public final class FallCorridor {

  /**
   * One recorded sample of a nominal trajectory.
   *
   * @param timeS         time since the luminous end, s
   * @param latitudeDeg   geodetic latitude, degrees
   * @param longitudeDeg  longitude, degrees
   * @param heightM       height, m (same datum as the radar geolocation)
   */
  public record Point(double timeS, double latitudeDeg, double longitudeDeg, double heightM) {}

  /**
   * One nominal trajectory.
   *
   * @param label   what it is (e.g. {@code 0.1 kg}), for reports
   * @param massKg  its mass, kg (orders the cross-section)
   * @param points  samples from the luminous end to the ground, in time order
   */
  public record Track(String label, double massKg, List<Point> points) {
    public Track {
      Objects.requireNonNull(label, "label");
      points = List.copyOf(points);
      if (points.size() < 2) {
        throw new IllegalArgumentException("track " + label + " needs at least two points");
      }
    }

    /** The samples of a simulated trajectory. */
    public static Track of(String label, Trajectory t) {
      List<Point> p = new ArrayList<>();
      for (TrajectoryPoint q : t.points()) {
        p.add(new Point(q.timeS(), q.latitudeDeg(), q.longitudeDeg(), q.heightM()));
      }
      return new Track(label, t.fragment().massKg(), p);
    }

    /** Time of the last sample (the landing), s after the luminous end. */
    public double fallTimeS() {
      return points.get(points.size() - 1).timeS();
    }

    /** The first sample at or below {@code h}, interpolated, or null when the track never is. */
    Point at(double h) {
      Point prev = points.get(0);
      if (prev.heightM() <= h) {
        return prev.heightM() == h ? prev : null;
      }
      for (int i = 1; i < points.size(); i++) {
        Point p = points.get(i);
        if (p.heightM() <= h) {
          double f = (prev.heightM() - h) / (prev.heightM() - p.heightM());
          return new Point(prev.timeS() + f * (p.timeS() - prev.timeS()),
              prev.latitudeDeg() + f * (p.latitudeDeg() - prev.latitudeDeg()),
              lerpLon(prev.longitudeDeg(), p.longitudeDeg(), f), h);
        }
        prev = p;
      }
      return null;
    }

    private static double lerpLon(double a, double b, double f) {
      double d = b - a;
      if (d > 180) {
        d -= 360;
      } else if (d < -180) {
        d += 360;
      }
      return a + f * d;
    }
  }

  /**
   * Where a position lies relative to the corridor at its height.
   *
   * @param distanceM   horizontal distance to the cross-section polyline, m
   * @param nearestS    time at the nearest point of the polyline (interpolated between the two
   *                    tracks of the nearest segment), s after the luminous end
   * @param earliestS   earliest time a track passes this height, s after the luminous end
   * @param latestS     latest time a track passes this height, s after the luminous end
   * @param nearestLabel label of the track nearest the position
   * @param inside      true when {@code distanceM} is at most the half-width
   */
  public record Hit(double distanceM, double nearestS, double earliestS, double latestS,
      String nearestLabel, boolean inside) {}

  private final List<Track> tracks;
  private final double halfWidthM;
  private final double topM;

  /**
   * A corridor.
   *
   * @param tracks      nominal trajectories, any order (sorted by mass here)
   * @param halfWidthM  horizontal half-width, m (&gt; 0)
   */
  public FallCorridor(List<Track> tracks, double halfWidthM) {
    if (tracks.isEmpty()) {
      throw new IllegalArgumentException("a corridor needs at least one trajectory");
    }
    if (!(halfWidthM > 0) || !Double.isFinite(halfWidthM)) {
      throw new IllegalArgumentException("corridor half-width must be a finite number > 0 m, got "
          + halfWidthM);
    }
    List<Track> sorted = new ArrayList<>(tracks);
    sorted.sort((a, b) -> Double.compare(a.massKg(), b.massKg()));
    this.tracks = List.copyOf(sorted);
    this.halfWidthM = halfWidthM;
    this.topM = sorted.stream().mapToDouble(t -> t.points().get(0).heightM()).max()
        .orElseThrow();
  }

  /** The tracks, lightest first. */
  public List<Track> tracks() {
    return tracks;
  }

  /** Horizontal half-width, m. */
  public double halfWidthM() {
    return halfWidthM;
  }

  /** Highest height of the corridor (the luminous end), m. */
  public double topM() {
    return topM;
  }

  /** Longest fall time of the tracks, s. */
  public double longestFallTimeS() {
    return tracks.stream().mapToDouble(Track::fallTimeS).max().orElseThrow();
  }

  /**
   * The corridor at a position, or null when no track passes its height (above the luminous
   * end, below the ground).
   */
  public Hit locate(double latitudeDeg, double longitudeDeg, double heightM) {
    List<Point> section = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (Track t : tracks) {
      Point p = t.at(heightM);
      if (p != null) {
        section.add(p);
        labels.add(t.label());
      }
    }
    if (section.isEmpty()) {
      return null;
    }
    // local tangent plane at the queried position (WGS84 radii of curvature)
    double phi = Math.toRadians(latitudeDeg);
    double e2 = Constants.WGS84_f * (2 - Constants.WGS84_f);
    double w2 = 1 - e2 * Math.sin(phi) * Math.sin(phi);
    double primeVertical = Constants.WGS84_a / Math.sqrt(w2);
    double meridional = Constants.WGS84_a * (1 - e2) / (w2 * Math.sqrt(w2));
    double kx = Math.toRadians(1) * primeVertical * Math.cos(phi);
    double ky = Math.toRadians(1) * meridional;
    double[] x = new double[section.size()];
    double[] y = new double[section.size()];
    double earliest = Double.POSITIVE_INFINITY;
    double latest = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < section.size(); i++) {
      Point p = section.get(i);
      double dLon = p.longitudeDeg() - longitudeDeg;
      dLon -= 360 * Math.rint(dLon / 360);
      x[i] = dLon * kx;
      y[i] = (p.latitudeDeg() - latitudeDeg) * ky;
      earliest = Math.min(earliest, p.timeS());
      latest = Math.max(latest, p.timeS());
    }
    double best = Math.hypot(x[0], y[0]);
    double bestT = section.get(0).timeS();
    String bestLabel = labels.get(0);
    for (int i = 0; i + 1 < section.size(); i++) {
      double dx = x[i + 1] - x[i];
      double dy = y[i + 1] - y[i];
      double len2 = dx * dx + dy * dy;
      double f = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(x[i] * dx + y[i] * dy) / len2));
      double d = Math.hypot(x[i] + f * dx, y[i] + f * dy);
      if (d < best) {
        best = d;
        bestT = section.get(i).timeS() + f * (section.get(i + 1).timeS()
            - section.get(i).timeS());
        bestLabel = labels.get(f < 0.5 ? i : i + 1);
      }
    }
    return new Hit(best, bestT, earliest, latest, bestLabel, best <= halfWidthM);
  }
}
