package org.darkflight.physics.trajectory;

import org.darkflight.physics.geodesy.Wgs84;
import org.darkflight.physics.integrate.Integrator;

/**
 * The integration loop: steps the equations of motion forward or backward, stops on a height
 * crossing (located by root finding inside the step) or at a target time, records samples at a
 * fixed interval, and enforces the invariants. One per integration; not thread-safe.
 */
final class Propagator {

  /** Longest flight integrated before giving up, s (a 1 mg grain from 40 km takes ~10 h). */
  static final double MAX_DURATION_S = 200_000.0;
  /** Height crossings are located to this accuracy, m. */
  static final double HEIGHT_TOLERANCE_M = 1.0e-4;
  /** Slack for round-off in the monotonic-altitude check, m. */
  static final double ALTITUDE_SLACK_M = 1.0e-6;
  private static final int MAX_ROOT_ITERATIONS = 60;
  /**
   * Fraction of a fixed-step method's real stability bound a step may use against the drag
   * stiffness 2k. Half the bound would keep rk4 stable with a margin for C_d changing with Mach
   * and Reynolds number; 0.3 also resolves the drag relaxation (rk4's amplification at
   * h·2k = 0.84 is within 0.5 % of e^(−h·2k)): a 12 g stone at 3.9 km/s lands 0.3 m from the
   * adaptive reference with rk4 at 0.05 s, against 3 m at 0.5 and 19 m at 0.8.
   */
  static final double STABILITY_SAFETY = 0.3;

  /** Receives recorded samples. */
  interface Recorder {
    void record(double t, double[] y);
  }

  private final EquationsOfMotion eom;
  private final Integrator integrator;
  private final double[] geo = new double[5];
  private double[] y = new double[EquationsOfMotion.DIMENSION];
  private double[] yNew = new double[EquationsOfMotion.DIMENSION];
  private final double[] yTrial = new double[EquationsOfMotion.DIMENSION];
  private double t;
  private final long maxSteps;
  private final long maxRecordedPoints;
  private long recordedPoints;
  private final Terrain terrain;
  private final Cancellation cancellation;

  /**
   * @param maxSteps          step budget of one {@link #run} (integration.max_steps)
   * @param maxRecordedPoints recorded-point budget of one {@link #run}
   *                          (integration.max_recorded_points)
   * @param terrain           the ground surface for height stops, or null: a height stop is then
   *                          the constant target height of {@link #run}
   * @param cancellation      polled once per step; when it says so, {@link #run} stops with a
   *                          {@link SimulationCancelledException}
   */
  Propagator(EquationsOfMotion eom, Integrator integrator, long maxSteps,
      long maxRecordedPoints, Terrain terrain, Cancellation cancellation) {
    this.eom = eom;
    this.integrator = integrator;
    this.maxSteps = maxSteps;
    this.maxRecordedPoints = maxRecordedPoints;
    this.terrain = terrain;
    this.cancellation = cancellation;
  }

  /** Passes a sample to the recorder, within the recorded-point budget. */
  private void record(Recorder recorder, double time, double[] state) {
    if (++recordedPoints > maxRecordedPoints) {
      throw new SimulationException(SimulationException.Reason.POINT_BUDGET_EXCEEDED, time,
          "more than " + maxRecordedPoints + " recorded points by t = " + time + " s (the"
              + " recorded-point budget integration.max_recorded_points; raise it or"
              + " output_interval_s)");
    }
    recorder.record(time, state);
  }

  /** Current time, s. */
  double time() {
    return t;
  }

  /** Current state (owned by the propagator; copy it to keep it). */
  double[] state() {
    return y;
  }

  /**
   * Integrates from (t0, y0) in {@code direction} (±1) until the height crosses
   * {@code targetHeightM} (NaN: no height stop) or the time reaches {@code targetTimeS} (NaN: no
   * time stop).
   *
   * @param outputIntervalS sample spacing for the recorder, s (NaN or recorder null: none)
   * @return true when stopped by the height crossing
   * @throws SimulationCancelledException when the cancellation signal is seen (checked before
   *                                      every step)
   */
  boolean run(double t0, double[] y0, int direction, double targetHeightM, double targetTimeS,
      double outputIntervalS, Recorder recorder) {
    t = t0;
    recordedPoints = 0;
    long steps = 0;
    System.arraycopy(y0, 0, y, 0, y.length);
    boolean forward = direction > 0;
    boolean stopOnHeight = !Double.isNaN(targetHeightM);
    boolean stopOnTime = !Double.isNaN(targetTimeS);
    boolean recording = recorder != null && outputIntervalS > 0;
    double heightPrev = height(y);
    double gPrev = stopOnHeight ? clearance(y, targetHeightM) : Double.NaN;
    if (recording) {
      record(recorder, t, y);
    }
    if (stopOnHeight && gPrev == 0.0) {
      return true;
    }
    if (stopOnTime && t == targetTimeS) {
      return false;
    }
    double nextOutput = t0 + direction * outputIntervalS;
    boolean vertical = false;
    double stabilityBound = integrator.realStabilityBound();
    boolean capSteps = Double.isFinite(stabilityBound);
    if (capSteps) {
      eom.compute(t, y, yTrial);
    }
    while (true) {
      if (cancellation.isCancelled()) {
        throw new SimulationCancelledException(t);
      }
      if (++steps > maxSteps) {
        throw new SimulationException(SimulationException.Reason.STEP_BUDGET_EXCEEDED, t,
            "more than " + maxSteps + " integration steps by t = " + t + " s at height "
                + heightPrev + " m (the step budget integration.max_steps; raise it or the"
                + " step sizes)");
      }
      double h = direction * integrator.nextStepS();
      if (capSteps) {
        // A fixed step longer than the drag time scale diverges (a 10 g stone at 4 km/s and
        // 8 km has 2k ≈ 100/s: rk4 at 0.05 s would be far outside its bound); shorten it. k is
        // that of the last evaluation, at (or next to) the current state.
        double stiffness = 2.0 * eom.lastDragRatePerS();
        double longest = STABILITY_SAFETY * stabilityBound / stiffness;
        if (Math.abs(h) > longest) {
          h = direction * longest;
        }
      }
      double limit = Double.NaN;
      if (stopOnTime) {
        limit = targetTimeS;
      }
      if (recording && (Double.isNaN(limit) || direction * (nextOutput - limit) < 0)) {
        limit = nextOutput;
      }
      boolean toLimit = false;
      if (!Double.isNaN(limit) && direction * (t + h - limit) > -1e-9) {
        h = limit - t;
        toLimit = true;
      }
      double taken = integrator.step(eom, t, y, h, yNew);
      if (taken != h) {
        toLimit = false;
      }
      double tNew = toLimit ? limit : t + taken;
      checkState(tNew, forward);
      double heightNew = height(yNew);
      if (stopOnHeight) {
        double g = clearance(yNew, targetHeightM);
        if (g == 0.0 || (g > 0) != (gPrev > 0)) {
          locateCrossing(taken, gPrev, g, targetHeightM);
          if (recording) {
            record(recorder, t, y);
          }
          return true;
        }
        gPrev = g;
      }
      if (forward) {
        if (vertical && heightNew > heightPrev + ALTITUDE_SLACK_M) {
          throw new SimulationException(SimulationException.Reason.ALTITUDE_INCREASED, tNew,
              "altitude rose from " + heightPrev + " m to " + heightNew + " m at t = " + tNew
                  + " s after the fall had turned vertical (updraft stronger than the fall?)");
        }
        vertical = vertical || isVerticalDescent(yNew);
      }
      double[] swap = y;
      y = yNew;
      yNew = swap;
      t = tNew;
      heightPrev = heightNew;
      if (recording && toLimit && limit == nextOutput) {
        record(recorder, t, y);
        nextOutput += direction * outputIntervalS;
      }
      if (stopOnTime && t == targetTimeS) {
        return false;
      }
      if (Math.abs(t - t0) > MAX_DURATION_S) {
        throw new SimulationException(SimulationException.Reason.NO_IMPACT, t,
            "no stop within " + MAX_DURATION_S + " s of flight (height " + heightNew + " m)");
      }
    }
  }

  private void checkState(double tNew, boolean forward) {
    for (double v : yNew) {
      if (!Double.isFinite(v)) {
        throw new SimulationException(SimulationException.Reason.NON_FINITE_STATE, tNew,
            "the state became non-finite at t = " + tNew + " s");
      }
    }
    double m = yNew[6];
    if (m <= 0) {
      throw new SimulationException(SimulationException.Reason.NEGATIVE_MASS, tNew,
          "the mass reached " + m + " kg at t = " + tNew + " s (fully ablated)");
    }
    if (forward ? m > y[6] : m < y[6]) {
      throw new SimulationException(SimulationException.Reason.MASS_INCREASED, tNew,
          "the mass grew from " + y[6] + " kg to " + m + " kg at t = " + tNew + " s");
    }
  }

  /** Whether the velocity points down more than sideways (|v_up| &gt; |v_horizontal|). */
  private boolean isVerticalDescent(double[] s) {
    Wgs84.toGeodetic(s[0], s[1], s[2], geo);
    double upX = geo[1] * geo[3];
    double upY = geo[1] * geo[2];
    double upZ = geo[0];
    double vUp = s[3] * upX + s[4] * upY + s[5] * upZ;
    double v2 = s[3] * s[3] + s[4] * s[4] + s[5] * s[5];
    return vUp < 0 && 2.0 * vUp * vUp > v2;
  }

  private double height(double[] s) {
    Wgs84.toGeodetic(s[0], s[1], s[2], geo);
    return geo[4];
  }

  /**
   * Height above the stop surface: above {@code target} for flat ground, above the terrain under
   * the point when a {@link Terrain} is set.
   */
  private double clearance(double[] s, double target) {
    double h = height(s);
    if (terrain == null) {
      return h - target;
    }
    double top = terrain.maxHeightM();
    if (h > top) {
      return h - top;
    }
    double lat = Math.toDegrees(Math.atan2(geo[0], geo[1]));
    double lon = Math.toDegrees(Math.atan2(geo[2], geo[3]));
    try {
      return h - terrain.heightM(lat, lon);
    } catch (Terrain.TerrainException e) {
      throw new SimulationException(SimulationException.Reason.NO_TERRAIN, t,
          e.getMessage() + " (fragment at " + Math.round(h) + " m, t = " + t + " s)");
    }
  }

  /**
   * Finds τ in (0, taken] with height(step(τ)) = target by the Illinois variant of regula falsi
   * (Dowell &amp; Jarratt, BIT 11, 168, 1971), re-integrating from the step start with the same
   * method; leaves (t + τ, y(τ)) as the current state.
   */
  private void locateCrossing(double taken, double g0, double g1, double target) {
    double a = 0.0;
    double ga = g0;
    double b = taken;
    double gb = g1;
    double tau = b;
    double[] best = yNew;
    if (gb != 0.0) {
      int side = 0;
      for (int i = 0; i < MAX_ROOT_ITERATIONS; i++) {
        tau = b - gb * (b - a) / (gb - ga);
        integrator.stepExactly(eom, t, y, tau, yTrial);
        double g = clearance(yTrial, target);
        best = yTrial;
        if (Math.abs(g) <= HEIGHT_TOLERANCE_M || Math.abs(b - a) <= 1e-12 * Math.abs(taken)) {
          break;
        }
        if ((g > 0) == (gb > 0)) {
          b = tau;
          gb = g;
          if (side == -1) {
            ga *= 0.5;
          }
          side = -1;
        } else {
          a = tau;
          ga = g;
          if (side == 1) {
            gb *= 0.5;
          }
          side = 1;
        }
      }
    }
    System.arraycopy(best, 0, y, 0, y.length);
    t += tau;
  }
}
