package org.darkflight.analysis.radar;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.darkflight.io.radar.returns.GeolocatedReturn;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.geodesy.GeodeticPoint;
import org.darkflight.physics.geodesy.LocalEnu;
import org.darkflight.physics.geodesy.Wgs84;
import org.darkflight.physics.models.PhysicsModels;
import org.darkflight.physics.radar.RadarFix;
import org.darkflight.physics.trajectory.DarkflightSimulator;
import org.darkflight.physics.trajectory.FlightState;
import org.darkflight.physics.trajectory.Landing;
import org.darkflight.physics.trajectory.SimulationException;
import org.darkflight.analysis.radar.ReturnSolution.TerminusMethod;
import org.hipparchus.analysis.solvers.AllowedSolution;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * Solves radar returns against a luminous end: mass finding, forward flight to the ground,
 * backward flight to the terminus altitude, and the refined terminus.
 *
 * <p><b>Mass finding.</b> The time t(m) at which a fragment of mass m, started at the luminous
 * end, first reaches the return's height decreases with m (a heavier body of the same density and
 * shape has a larger ballistic coefficient, m^{1/3}, and is slowed less). The mass is the root of
 * f(ln m) = t(m) − t_return on [ln m_min, ln m_max], found with Hipparchus'
 * {@link BracketingNthOrderBrentSolver} (5th order, |Δ ln m| ≤ 1e-9). When f has the same sign at
 * both ends, no mass in the allowed range fits; the return is reported as such and left out of
 * the refined terminus. The masses fitted with the return moved up and down by its 1-σ height
 * uncertainty give the mass's uncertainty.
 *
 * <p><b>Forward and backward.</b> The start state at a return is the radar position, at the
 * return's time, with the found mass and the velocity (east/north/up components) of the fitted
 * fall at that height. From it the simulator flies forward to the ground (predicted impact) and
 * backward in negative time to the terminus altitude (calculated terminus).
 *
 * <p><b>Why a check on the backward flight.</b> Drag damps velocity errors forward in time at a
 * rate of about 2g/v_t (v_t the terminal speed); backward in time it amplifies them at the same
 * rate, e.g. e^{0.4 t} for v_t = 50 m/s, so a return deep in the terminal-velocity phase cannot
 * be flown back accurately however good the integrator. The terminus is therefore also found by
 * forward shooting: the offset of the luminous end whose forward flight (found mass) passes
 * through the return's horizontal position at the return's time. The backward result is kept
 * when the two agree within {@value #BACKWARD_AGREEMENT_M} m; otherwise the shooting result is
 * reported and the return marked {@link TerminusMethod#FORWARD_SHOOTING}.
 *
 * <p><b>Uncertainty of a calculated terminus.</b> The return's 3×3 ENU position covariance is
 * mapped to the terminus plane through the Jacobian of (mass refit + shooting), estimated by
 * re-solving from the return shifted by {@value #JACOBIAN_STEP_M} m east, north and up. A height
 * error changes the fitted mass and so the along-track position of the terminus.
 *
 * <p><b>Shooting integrator.</b> The shooting iterates on a map whose noise must stay below its
 * {@value #SHOOTING_TOLERANCE_M} m tolerance. An adaptive integrator (rkf45, or a plugin) chooses
 * a different step sequence for every start offset, which makes the map noisy at the metre level
 * (with the recommended physics_config_ensemble.json: rtol 1e-8 on ECEF coordinates is 6 cm per
 * step), so the iteration never converged. The shooting (and the mass search, whose timing feeds
 * it) therefore uses classical RK4 with the configuration's {@code dt_initial_s} as a fixed step
 * and the same force models whenever the configured integrator is adaptive;
 * {@link #shootingMethod()} says which integrator is used. Backward flight and the flight to the
 * ground keep the configured integrator.
 *
 * <p>Backward flight needs ablation disabled (mass loss cannot be reversed).
 */
public final class RadarSolver {

  /** Finite-difference step of the terminus Jacobian, m. */
  public static final double JACOBIAN_STEP_M = 10.0;

  /**
   * Largest horizontal disagreement, m, between the backward-flight terminus and the
   * forward-shooting terminus for the backward result to be kept.
   */
  public static final double BACKWARD_AGREEMENT_M = 5.0;

  private static final double SHOOTING_TOLERANCE_M = 0.01;
  private static final int SHOOTING_ITERATIONS = 20;
  private static final double LOG_MASS_ACCURACY = 1e-9;
  private static final int MAX_EVALUATIONS = 200;

  private final DarkflightSimulator simulator;
  private final DarkflightSimulator shooting;
  private final String shootingMethod;
  private final LuminousEnd luminousEnd;
  private final Fragment template;
  private final double massMinKg;
  private final double massMaxKg;
  private final FlightState start;
  private final LocalEnu terminusFrame;

  /**
   * @param simulator   the physics
   * @param luminousEnd the event's luminous end
   * @param template    density, drag coefficient and shape of the fragments (its mass is ignored)
   * @param massMinKg   lightest mass to consider, kg (&gt; 0)
   * @param massMaxKg   heaviest mass to consider, kg (&gt; massMinKg)
   */
  public RadarSolver(DarkflightSimulator simulator, LuminousEnd luminousEnd, Fragment template,
      double massMinKg, double massMaxKg) {
    if (!(massMinKg > 0) || !(massMaxKg > massMinKg) || !Double.isFinite(massMaxKg)) {
      throw new IllegalArgumentException("mass range must satisfy 0 < min < max, got ["
          + massMinKg + ", " + massMaxKg + "] kg");
    }
    this.simulator = simulator;
    PhysicsConfig c = simulator.config();
    if (isAdaptive(c)) {
      PhysicsConfig.Integration i = c.integration();
      PhysicsConfig fixed = new PhysicsConfig(c.dragModel(), c.cdScale(), c.ablation(),
          c.gravityModel(), c.earthRotation(), c.groundAltitudeM(),
          new PhysicsConfig.Integration(PhysicsConfig.IntegratorKind.RK4, i.dtInitialS(),
              Math.min(i.dtMinS(), i.dtInitialS()), Math.max(i.dtMaxS(), i.dtInitialS()),
              i.relativeTolerance(), i.absoluteToleranceM()),
          c.outputIntervalS(), c.legacy(), c.plugins().withoutIntegrator());
      this.shooting = new DarkflightSimulator(simulator.atmosphere(), fixed, simulator.models(),
          PhysicsModels.integrators(fixed), simulator.legacyMethod());
    } else {
      this.shooting = simulator;
    }
    this.shootingMethod = shootingMethod(c);
    this.luminousEnd = luminousEnd;
    this.template = template;
    this.massMinKg = massMinKg;
    this.massMaxKg = massMaxKg;
    this.start = simulator.initialState(luminousEnd);
    this.terminusFrame = LocalEnu.atDegrees(luminousEnd.latitudeDeg(),
        luminousEnd.longitudeDeg(), luminousEnd.altitudeM());
  }

  /** The integrator of the mass search and the forward shooting, in words. */
  public String shootingMethod() {
    return shootingMethod;
  }

  private static boolean isAdaptive(PhysicsConfig c) {
    return c.plugins().integrator() != null
        || c.integration().method() == PhysicsConfig.IntegratorKind.RKF45;
  }

  /** The integrator the mass search and the shooting use under {@code c}, in words. */
  public static String shootingMethod(PhysicsConfig c) {
    if (isAdaptive(c)) {
      return String.format(Locale.ROOT, "rk4 with a fixed %s s step (dt_initial_s), not the"
          + " configured adaptive %s, whose step choice makes the shooting map noisy at the"
          + " metre level", c.integration().dtInitialS(), c.plugins().integrator() != null
              ? c.plugins().integrator() : "rkf45");
    }
    return "the configured "
        + c.integration().method().name().toLowerCase(Locale.ROOT) + " integrator";
  }

  /** Seconds from the luminous end to {@code r}'s time. */
  public double observedTimeS(GeolocatedReturn r) {
    Duration d = Duration.between(luminousEnd.timeUtc(), r.radarReturn().observation().timeUtc());
    return d.getSeconds() + d.getNano() * 1e-9;
  }

  /** Time at which mass {@code massKg} first reaches {@code heightM}, s since the luminous end. */
  public double timeToHeightS(double massKg, double heightM) {
    return stateAtHeight(massKg, heightM).timeS();
  }

  private FlightState stateAtHeight(double massKg, double heightM) {
    Fragment f = template.withMassKg(massKg);
    return shooting.propagateToHeight(start.withMassKg(massKg), f, heightM);
  }

  /** Finds the mass that reaches the return's height at the return's time. */
  public MassFit findMass(GeolocatedReturn r) {
    return findMass(r.fix().heightM(), observedTimeS(r), massMinKg, massMaxKg);
  }

  private MassFit findMass(double h, double tObs, double lo, double hi) {
    double tLight;
    double tHeavy;
    try {
      tLight = timeToHeightS(lo, h);
    } catch (SimulationException e) {
      return new MassFit(Double.NaN, tObs, Double.NaN, Double.NaN, 1,
          "the lightest allowed mass (" + lo + " kg) cannot be flown to " + fmt(h)
              + " m: " + e.getMessage());
    }
    try {
      tHeavy = timeToHeightS(hi, h);
    } catch (SimulationException e) {
      return new MassFit(Double.NaN, tObs, tLight, Double.NaN, 2,
          "the heaviest allowed mass (" + hi + " kg) cannot be flown to " + fmt(h)
              + " m: " + e.getMessage());
    }
    if (tObs > tLight) {
      return new MassFit(Double.NaN, tObs, tLight, tHeavy, 2, String.format(Locale.ROOT,
          "no mass in [%s, %s] kg fits: the return at %s m is %.2f s after the luminous end,"
              + " later than even the lightest mass arrives there (%.2f s)",
          lo, hi, fmt(h), tObs, tLight));
    }
    if (tObs < tHeavy) {
      return new MassFit(Double.NaN, tObs, tLight, tHeavy, 2, String.format(Locale.ROOT,
          "no mass in [%s, %s] kg fits: the return at %s m is %.2f s after the luminous end,"
              + " earlier than even the heaviest mass arrives there (%.2f s)",
          lo, hi, fmt(h), tObs, tHeavy));
    }
    BracketingNthOrderBrentSolver solver =
        new BracketingNthOrderBrentSolver(1e-14, LOG_MASS_ACCURACY, 1e-9, 5);
    try {
      double x = solver.solve(MAX_EVALUATIONS, lnM -> timeToHeightS(Math.exp(lnM), h) - tObs,
          Math.log(lo), Math.log(hi), AllowedSolution.ANY_SIDE);
      return new MassFit(Math.exp(x), tObs, tLight, tHeavy, solver.getEvaluations() + 2, null);
    } catch (MathRuntimeException | SimulationException e) {
      return new MassFit(Double.NaN, tObs, tLight, tHeavy, solver.getEvaluations() + 2,
          "mass search failed: " + e.getMessage());
    }
  }

  /** Mass refit for a perturbed return: a narrow bracket about the known mass first. */
  private MassFit refitMass(double h, double tObs, double massKg) {
    double lo = Math.max(massMinKg, massKg / 1.5);
    double hi = Math.min(massMaxKg, massKg * 1.5);
    MassFit fit = findMass(h, tObs, lo, hi);
    return fit.found() ? fit : findMass(h, tObs, massMinKg, massMaxKg);
  }

  /** The luminous end moved to the east/north offset {@code offsetEn} in the terminus plane. */
  private FlightState startAt(Vector3D offsetEn, double massKg) {
    GeodeticPoint p = terminusFrame.enuToGeodetic(new Vector3D(offsetEn.getX(), offsetEn.getY(),
        0.0));
    LuminousEnd shifted = new LuminousEnd(luminousEnd.timeUtc(), p.latitudeDeg(),
        p.longitudeDeg(), luminousEnd.altitudeM(), luminousEnd.speedMps(),
        luminousEnd.azimuthDeg(), luminousEnd.elevationDeg());
    return simulator.initialState(shifted).withMassKg(massKg);
  }

  /**
   * The terminus offset (east, north in the terminus plane) whose forward flight with mass m is
   * at {@code target}'s horizontal position at time {@code tObs}. Fixed-point iteration on the
   * horizontal miss: the dark-flight map from terminus to later positions is a horizontal
   * translation to first order (the atmosphere depends on height only), so the Jacobian is
   * close to the identity and each step divides the miss by ~10³.
   */
  private Vector3D shoot(double massKg, GeodeticPoint target, double tObs, Vector3D guess) {
    Fragment f = template.withMassKg(massKg);
    LocalEnu atTarget = new LocalEnu(target);
    Vector3D d = guess;
    for (int i = 0; i < SHOOTING_ITERATIONS; i++) {
      FlightState s = shooting.propagateToTime(startAt(d, massKg), f, tObs);
      Vector3D miss = atTarget.geodeticToEnu(s.geodetic());
      if (Math.hypot(miss.getX(), miss.getY()) < SHOOTING_TOLERANCE_M) {
        return d;
      }
      d = new Vector3D(d.getX() - miss.getX(), d.getY() - miss.getY(), 0.0);
    }
    throw new SimulationException(SimulationException.Reason.INTEGRATOR_FAILURE, tObs,
        "forward shooting to the return did not converge in " + SHOOTING_ITERATIONS
            + " iterations");
  }

  /** Solves one return: mass, forward to the ground, backward to the terminus altitude. */
  public ReturnSolution solve(GeolocatedReturn r) {
    MassFit fit = findMass(r);
    if (!fit.found()) {
      return ReturnSolution.unsolved(r, fit, null);
    }
    try {
      return solveWithMass(r, fit);
    } catch (SimulationException | IllegalArgumentException e) {
      return ReturnSolution.unsolved(r, fit, "the flight from the return failed: "
          + e.getMessage());
    }
  }

  private ReturnSolution solveWithMass(GeolocatedReturn r, MassFit fitted) {
    MassFit fit = fitted;
    double m = fit.massKg();
    double tObs = fit.observedTimeS();
    Fragment fragment = template.withMassKg(m);
    RadarFix fix = r.fix();
    FlightState simulated = stateAtHeight(m, fix.heightM());
    GeodeticPoint simPoint = simulated.geodetic();
    Vector3D vEnu = new LocalEnu(simPoint).vectorToEnu(simulated.velocityEcefMps());
    GeodeticPoint radarPoint = GeodeticPoint.ofDegrees(fix.latitudeDeg(), fix.longitudeDeg(),
        fix.heightM());
    LocalEnu atReturn = new LocalEnu(radarPoint);
    FlightState atRadar = new FlightState(luminousEnd.timeUtc(), tObs,
        Wgs84.toEcef(radarPoint), atReturn.vectorToEcef(vEnu), m);

    Landing impact = simulator.land(atRadar, fragment);

    // Forward shooting (always well-conditioned); first guess: the radar's horizontal offset
    // from the fitted fall, carried back to the terminus unchanged.
    Vector3D sim = atReturn.geodeticToEnu(simPoint);
    Vector3D shot = shoot(m, radarPoint, tObs, new Vector3D(-sim.getX(), -sim.getY(), 0.0));

    // Backward flight in negative time, kept when it agrees with the shooting solution.
    TerminusMethod method = TerminusMethod.FORWARD_SHOOTING;
    double gap = Double.NaN;
    double terminusTime = 0.0;
    Vector3D offset = shot;
    try {
      FlightState back = simulator.propagateToHeight(atRadar, fragment, luminousEnd.altitudeM());
      Vector3D b = terminusFrame.geodeticToEnu(back.geodetic());
      gap = Math.hypot(b.getX() - shot.getX(), b.getY() - shot.getY());
      if (gap <= BACKWARD_AGREEMENT_M) {
        method = TerminusMethod.BACKWARD;
        offset = new Vector3D(b.getX(), b.getY(), 0.0);
        terminusTime = back.timeS();
      }
    } catch (SimulationException | IllegalArgumentException e) {
      // backward flight amplifies errors (see above) and may blow up: the shooting result stands
      gap = Double.NaN;
    }
    GeodeticPoint terminus = startAt(offset, m).geodetic();

    // Jacobian of (east, north) of the terminus w.r.t. the return's east/north/up position,
    // by re-solving (mass and shooting) from the return shifted by JACOBIAN_STEP_M.
    double[][] jac = new double[2][3];
    Vector3D[] axes = {Vector3D.PLUS_I, Vector3D.PLUS_J, Vector3D.PLUS_K};
    for (int k = 0; k < 3; k++) {
      Vector3D step = axes[k].scalarMultiply(JACOBIAN_STEP_M);
      GeodeticPoint shifted = atReturn.enuToGeodetic(step);
      MassFit refit = refitMass(shifted.heightM(), tObs, m);
      if (!refit.found()) {
        throw new SimulationException(SimulationException.Reason.INTEGRATOR_FAILURE, tObs,
            "uncertainty of the terminus: " + refit.reason());
      }
      Vector3D d = shoot(refit.massKg(), shifted, tObs, shot.add(new Vector3D(step.getX(),
          step.getY(), 0.0)));
      jac[0][k] = (d.getX() - shot.getX()) / JACOBIAN_STEP_M;
      jac[1][k] = (d.getY() - shot.getY()) / JACOBIAN_STEP_M;
    }
    double[][] cov = propagate(jac, fix.covarianceEnuM2());

    // Mass interval from the height uncertainty (the dominant one for a low beam).
    MassFit up = refitMass(fix.heightM() + fix.sigmaHeightM(), tObs, m);
    MassFit down = refitMass(fix.heightM() - fix.sigmaHeightM(), tObs, m);
    fit = fit.withSigmaMasses(up.found() ? up.massKg() : Double.NaN,
        down.found() ? down.massKg() : Double.NaN);
    return new ReturnSolution(r, fit, null, atRadar, impact, terminus, method, terminusTime,
        gap, offset.getX(), offset.getY(), cov);
  }

  /** Solves every return and refines the terminus from those solved. */
  public RadarSolution solveAll(List<GeolocatedReturn> returns) {
    List<ReturnSolution> out = new ArrayList<>();
    for (GeolocatedReturn r : returns) {
      out.add(solve(r));
    }
    return new RadarSolution(out, refine(out));
  }

  /**
   * Combines the calculated termini of the solved returns (weights: analyst confidence).
   *
   * @throws IllegalStateException when no return was solved
   */
  public RefinedTerminus refine(List<ReturnSolution> solutions) {
    double sw = 0;
    double sw2 = 0;
    double e = 0;
    double n = 0;
    int used = 0;
    for (ReturnSolution s : solutions) {
      if (!s.solved()) {
        continue;
      }
      double w = s.radarReturn().radarReturn().confidence();
      sw += w;
      sw2 += w * w;
      e += w * s.terminusEastM();
      n += w * s.terminusNorthM();
      used++;
    }
    if (used == 0) {
      throw new IllegalStateException("no radar return could be solved: no mass in ["
          + massMinKg + ", " + massMaxKg + "] kg fits any of them");
    }
    e /= sw;
    n /= sw;
    double[][] scatter = new double[2][2];
    double[][] meas = new double[2][2];
    for (ReturnSolution s : solutions) {
      if (!s.solved()) {
        continue;
      }
      double w = s.radarReturn().radarReturn().confidence();
      double de = s.terminusEastM() - e;
      double dn = s.terminusNorthM() - n;
      scatter[0][0] += w * de * de / sw;
      scatter[0][1] += w * de * dn / sw;
      scatter[1][1] += w * dn * dn / sw;
      for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 2; j++) {
          meas[i][j] += w * w * s.terminusCovEnM2()[i][j] / (sw * sw);
        }
      }
    }
    scatter[1][0] = scatter[0][1];
    double nEff = sw * sw / sw2;
    double[][] total = new double[2][2];
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        total[i][j] = meas[i][j] + scatter[i][j] / nEff;
      }
    }
    GeodeticPoint p = terminusFrame.enuToGeodetic(new Vector3D(e, n, 0.0));
    LuminousEnd refined = new LuminousEnd(luminousEnd.timeUtc(), p.latitudeDeg(),
        p.longitudeDeg(), luminousEnd.altitudeM(), luminousEnd.speedMps(),
        luminousEnd.azimuthDeg(), luminousEnd.elevationDeg());
    return new RefinedTerminus(refined, e, n, used, nEff, scatter, meas, total);
  }

  /**
   * The strewn field from the refined terminus: each mass of {@code massesKg} flown to the ground
   * with the template's density, drag coefficient and shape.
   */
  public List<SuiteLanding> strewnField(RefinedTerminus refined, double[] massesKg) {
    List<SuiteLanding> out = new ArrayList<>();
    for (double m : massesKg) {
      try {
        out.add(new SuiteLanding(m, simulator.land(refined.luminousEnd(), template.withMassKg(m)),
            null));
      } catch (SimulationException e) {
        out.add(new SuiteLanding(m, null, e.getMessage()));
      }
    }
    return List.copyOf(out);
  }

  public Fragment template() {
    return template;
  }

  public double massMinKg() {
    return massMinKg;
  }

  public double massMaxKg() {
    return massMaxKg;
  }

  public LuminousEnd luminousEnd() {
    return luminousEnd;
  }

  /** J·C·Jᵀ for a 2×3 J and 3×3 C. */
  static double[][] propagate(double[][] j, double[][] c) {
    double[][] jc = new double[2][3];
    for (int i = 0; i < 2; i++) {
      for (int k = 0; k < 3; k++) {
        for (int l = 0; l < 3; l++) {
          jc[i][k] += j[i][l] * c[l][k];
        }
      }
    }
    double[][] out = new double[2][2];
    for (int i = 0; i < 2; i++) {
      for (int k = 0; k < 2; k++) {
        for (int l = 0; l < 3; l++) {
          out[i][k] += jc[i][l] * j[k][l];
        }
      }
    }
    return out;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.0f", v);
  }
}
