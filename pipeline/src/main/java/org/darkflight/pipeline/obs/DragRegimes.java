package org.darkflight.pipeline.obs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.darkflight.io.run.DragRegimesDocument;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.atmosphere.ProfileAtmosphere;
import org.darkflight.physics.models.PhysicsModels;
import org.darkflight.physics.trajectory.DarkflightSimulator;
import org.darkflight.physics.trajectory.SimulationException;
import org.darkflight.physics.trajectory.Trajectory;
import org.darkflight.physics.trajectory.TrajectoryPoint;
import org.darkflight.analysis.ensemble.RunInputs;

/**
 * The debug artifact {@code debug_drag_regimes.json} (written by {@code darkflight --debug
 * run}): for the nominal trajectory of each fragment, the time spent above Mach 5, 3, 1 and 0.8
 * and in each flow regime — hypersonic (M ≥ 5), supersonic (1.2 ≤ M &lt; 5), transonic
 * (0.8 ≤ M &lt; 1.2), subsonic (M &lt; 0.8) — where the drag laws differ (e.g. the two branches
 * of {@code mach_regime}, Carter et al. 2009). Mach is that of the recorded trajectory points
 * (speed relative to the air / local speed of sound), taken as linear in time between points, so
 * a threshold crossing inside an output interval is placed by linear interpolation.
 */
public final class DragRegimes {

  /** File name. */
  public static final String FILE = DragRegimesDocument.FILE;
  /** Mach thresholds reported, highest first. */
  public static final List<Double> THRESHOLDS = List.of(5.0, 3.0, 1.0, 0.8);
  /** Regime names and lower Mach bounds, highest first (the last starts at 0). */
  public static final Map<String, Double> REGIMES = regimes();

  private DragRegimes() {}

  private static Map<String, Double> regimes() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("hypersonic", 5.0);
    m.put("supersonic", 1.2);
    m.put("transonic", 0.8);
    m.put("subsonic", 0.0);
    return m;
  }

  /**
   * Time, s, during which Mach exceeds {@code threshold}, with Mach linear in time between
   * consecutive points.
   */
  public static double timeAboveS(List<TrajectoryPoint> points, double threshold) {
    double total = 0;
    for (int i = 1; i < points.size(); i++) {
      TrajectoryPoint a = points.get(i - 1);
      TrajectoryPoint b = points.get(i);
      double dt = b.timeS() - a.timeS();
      double m0 = a.mach();
      double m1 = b.mach();
      if (m0 > threshold && m1 > threshold) {
        total += dt;
      } else if (m0 > threshold || m1 > threshold) {
        double f = (threshold - m0) / (m1 - m0); // fraction of the interval at the crossing
        total += m0 > threshold ? f * dt : (1 - f) * dt;
      }
    }
    return total;
  }

  /** Time, s, in each regime of {@link #REGIMES}: above its bound, not above the next one's. */
  public static Map<String, Double> timeInRegimesS(List<TrajectoryPoint> points) {
    Map<String, Double> out = new LinkedHashMap<>();
    double above = 0; // time above the previous (higher) bound
    for (Map.Entry<String, Double> r : REGIMES.entrySet()) {
      double t = r.getValue() <= 0 ? points.get(points.size() - 1).timeS() - points.get(0).timeS()
          : timeAboveS(points, r.getValue());
      out.put(r.getKey(), t - above);
      above = t;
    }
    return out;
  }

  /** The document for the given trajectories. */
  public static DragRegimesDocument document(String eventId, String dragModel,
      List<Trajectory> ts) {
    List<DragRegimesDocument.Trajectory> out = new ArrayList<>();
    for (Trajectory t : ts) {
      List<TrajectoryPoint> p = t.points();
      Map<String, Double> above = new LinkedHashMap<>();
      for (double th : THRESHOLDS) {
        above.put(th == Math.rint(th) ? Long.toString((long) th) : Double.toString(th),
            timeAboveS(p, th));
      }
      out.add(new DragRegimesDocument.Trajectory(t.fragment().id(), t.fragment().massKg(),
          p.get(p.size() - 1).timeS() - p.get(0).timeS(), p.size(),
          p.stream().mapToDouble(TrajectoryPoint::mach).max().orElse(0),
          p.get(p.size() - 1).mach(), new TreeMap<>(above), new TreeMap<>(timeInRegimesS(p))));
    }
    return new DragRegimesDocument(eventId, dragModel, "Nominal trajectory of each fragment: "
        + "time above Mach thresholds and in each flow regime (s); Mach linear in time between "
        + "recorded points.", out);
  }

  /**
   * Simulates the nominal trajectory of every fragment through the unperturbed profile and writes
   * the document to {@code target}; a fragment whose fall fails is left out.
   */
  public static void write(RunInputs in, Path target) throws IOException {
    DarkflightSimulator sim = PhysicsModels.simulator(new ProfileAtmosphere(in.levels()),
        in.physics()).withTerrain(in.terrain());
    List<Trajectory> ts = new ArrayList<>();
    for (Fragment f : in.fragments()) {
      try {
        Trajectory t = sim.simulate(in.event().luminousEnd(), f);
        if (t.points().size() >= 2) {
          ts.add(t);
        }
      } catch (SimulationException | IllegalArgumentException e) {
        JsonLog.of("obs.drag").forEvent(in.event().eventId()).log(JsonLog.Level.WARN, f.id(),
            "nominal fall failed: " + e.getMessage(), Map.of());
      }
    }
    document(in.event().eventId(), in.physics().dragModel().toString(), ts).write(target);
  }
}
