package org.darkflight.physics.trajectory;

import java.util.ArrayList;
import java.util.List;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.atmosphere.AtmosphereModel;
import org.darkflight.physics.geodesy.GeodeticPoint;
import org.darkflight.physics.geodesy.Geodesics;
import org.darkflight.physics.geodesy.LocalEnu;
import org.darkflight.physics.geodesy.Wgs84;
import org.darkflight.physics.integrate.Integrator;
import org.darkflight.physics.integrate.IntegratorFactory;
import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * Integrates a fragment from the luminous end to the ground with the models it is given, in the
 * Earth-fixed WGS84 frame (see {@link EquationsOfMotion}); {@code physics.models.PhysicsModels
 * .simulator(atmosphere, config)} builds one with the models a {@link PhysicsConfig} selects.
 * Instances are immutable and thread-safe; each call builds its own (mutable) integrator.
 *
 * <p>Besides the luminous-end entry points ({@link #simulate(LuminousEnd, Fragment)},
 * {@link #land(LuminousEnd, Fragment)}) it offers a general propagation API on
 * {@link FlightState}s: forward or backward in time to a height or a time, and to the ground from
 * any state. Backward propagation is possible only without ablation (mass loss is not reversible
 * in this model) and skips the monotonic-altitude check.
 *
 * <p>Landing is an event: the step in which g = h − h_ground changes sign is re-integrated to the
 * crossing found by regula falsi to 0.1 mm in height.
 */
public final class DarkflightSimulator {

  private final AtmosphereModel atmosphere;
  private final PhysicsConfig config;
  private final ForceModels models;
  private final IntegratorFactory integrators;
  private final double[] absoluteTolerances;
  private final LegacyMethod legacy;
  private final Terrain terrain;
  private final Cancellation cancellation;

  /**
   * A simulator with the given models; {@code config} gives the integration tolerances, Earth
   * rotation, ground height and output interval (its model choices are not read here).
   *
   * @param atmosphere  the air the fragment falls through
   * @param config      the physics configuration
   * @param models      drag, gravity and ablation
   * @param integrators a new integrator per propagation
   */
  public DarkflightSimulator(AtmosphereModel atmosphere, PhysicsConfig config,
      ForceModels models, IntegratorFactory integrators) {
    this(atmosphere, config, models, integrators, null);
  }

  /**
   * A simulator whose landings and trajectories from the luminous end come from a legacy method
   * ({@code legacy} non-null), or from the integration ({@code legacy} null).
   *
   * @param atmosphere  the air the fragment falls through
   * @param config      the physics configuration
   * @param models      drag, gravity and ablation
   * @param integrators a new integrator per propagation
   * @param legacy      the legacy method {@code config.legacy()} selects, or null for none
   */
  public DarkflightSimulator(AtmosphereModel atmosphere, PhysicsConfig config,
      ForceModels models, IntegratorFactory integrators, LegacyMethod legacy) {
    this(atmosphere, config, models, integrators, legacy, null, Cancellation.NEVER);
  }

  /**
   * A simulator that lands on a terrain surface instead of the constant
   * {@code config.groundAltitudeM()}.
   *
   * @param atmosphere  the air the fragment falls through
   * @param config      the physics configuration
   * @param models      drag, gravity and ablation
   * @param integrators a new integrator per propagation
   * @param legacy      the legacy method {@code config.legacy()} selects, or null for none
   * @param terrain     the ground surface, or null for the constant ground; a legacy method
   *                    lands on the constant ground only, so it takes no terrain
   */
  public DarkflightSimulator(AtmosphereModel atmosphere, PhysicsConfig config,
      ForceModels models, IntegratorFactory integrators, LegacyMethod legacy, Terrain terrain) {
    this(atmosphere, config, models, integrators, legacy, terrain, Cancellation.NEVER);
  }

  private DarkflightSimulator(AtmosphereModel atmosphere, PhysicsConfig config,
      ForceModels models, IntegratorFactory integrators, LegacyMethod legacy, Terrain terrain,
      Cancellation cancellation) {
    if (atmosphere == null || config == null || models == null || integrators == null) {
      throw new IllegalArgumentException(
          "atmosphere, config, models and integrators must not be null");
    }
    this.atmosphere = atmosphere;
    this.config = config;
    this.models = models;
    this.integrators = integrators;
    if ((legacy == null) != (config.legacy() == PhysicsConfig.LegacyMode.NONE)) {
      throw new IllegalArgumentException("the physics config selects legacy mode "
          + config.legacy() + " but the simulator was given " + (legacy == null ? "no legacy"
          + " method" : "the legacy method " + legacy.name()));
    }
    if (legacy != null && terrain != null) {
      throw new IllegalArgumentException("legacy mode " + legacy.name() + " lands on the constant"
          + " ground only; a terrain model (--dem) needs \"legacy\": \"none\"");
    }
    this.legacy = legacy;
    this.terrain = terrain;
    if (cancellation == null) {
      throw new IllegalArgumentException("cancellation must not be null (Cancellation.NEVER)");
    }
    this.cancellation = cancellation;
    double atol = config.integration().absoluteToleranceM();
    // Position in m, velocity in m/s (the same number per second), mass relative to 1 kg.
    this.absoluteTolerances = new double[] {atol, atol, atol, atol, atol, atol, atol * 1e-3};
  }

  /** A copy of this simulator that lands on {@code surface} (null: the constant ground). */
  public DarkflightSimulator withTerrain(Terrain surface) {
    return new DarkflightSimulator(atmosphere, config, models, integrators, legacy, surface,
        cancellation);
  }

  /** The terrain surface, or null when the ground is the constant config height. */
  public Terrain terrain() {
    return terrain;
  }

  /**
   * This simulator with a cooperative cancellation signal: every integration it runs polls
   * {@code c} before each step and stops with a {@link SimulationCancelledException} once it
   * says so. The legacy methods (fixed, bounded step counts) do not poll it.
   */
  public DarkflightSimulator withCancellation(Cancellation c) {
    return new DarkflightSimulator(atmosphere, config, models, integrators, legacy, terrain, c);
  }

  public AtmosphereModel atmosphere() {
    return atmosphere;
  }

  public PhysicsConfig config() {
    return config;
  }

  /** The legacy method in use, or null when the integration computes the landings. */
  public LegacyMethod legacyMethod() {
    return legacy;
  }

  /**
   * The method that computes landings, in one line: the legacy method and what it used, or the
   * integration with its drag model and integrator.
   */
  public String methodDescription() {
    if (legacy != null) {
      return legacy.description();
    }
    String drag = config.plugins().dragModel() != null ? config.plugins().dragModel()
        : config.dragModel().name().toLowerCase(java.util.Locale.ROOT);
    String integrator = config.plugins().integrator() != null ? config.plugins().integrator()
        : config.integration().method().name().toLowerCase(java.util.Locale.ROOT);
    return "modern integration (legacy none): drag " + drag + ", integrator " + integrator;
  }

  /**
   * Whether the integration reads each fragment's own {@link Fragment#cd()}: the drag model
   * does, or an ablation model that changes the mass does, or a legacy method computes the
   * landings (its outputs report the fragment's cd). A fragment without cd is refused only then.
   */
  public boolean needsFragmentCd() {
    return legacy != null || models.drag().usesFragmentCd()
        || (models.ablation().changesMass() && models.ablation().usesFragmentCd());
  }

  private void requireCd(Fragment fragment) {
    if (!fragment.hasCd() && needsFragmentCd()) {
      String user = legacy != null ? "legacy mode " + legacy.name()
          : models.drag().usesFragmentCd() ? "the drag model" : "the ablation model";
      throw new IllegalArgumentException("fragment " + fragment.id() + " gives no cd, but "
          + user + " uses it; give cd, or a drag model that computes Cd itself"
          + " (mach_regime, reynolds_curve, henderson) with \"legacy\": \"none\"");
    }
  }

  /** The force models in use. */
  public ForceModels models() {
    return models;
  }

  /**
   * The state at the luminous end with the mass left open (NaN: each propagation uses its
   * fragment's mass). Velocity: {@code speedMps} along azimuth {@code azimuthDeg} (clockwise from
   * true north) and {@code elevationDeg} below the local horizontal:
   * v_ENU = V (cos e sin a, cos e cos a, −sin e).
   */
  public FlightState initialState(LuminousEnd start) {
    GeodeticPoint p = GeodeticPoint.ofDegrees(start.latitudeDeg(), start.longitudeDeg(),
        start.altitudeM());
    LocalEnu enu = new LocalEnu(p);
    double az = Math.toRadians(start.azimuthDeg());
    double el = Math.toRadians(start.elevationDeg());
    double v = start.speedMps();
    Vector3D velocityEnu = new Vector3D(v * Math.cos(el) * Math.sin(az),
        v * Math.cos(el) * Math.cos(az), -v * Math.sin(el));
    return new FlightState(start.timeUtc(), 0.0, enu.originEcef(),
        enu.vectorToEcef(velocityEnu), Double.NaN);
  }

  /** The state at the luminous end with the fragment's mass. */
  public FlightState initialState(LuminousEnd start, Fragment fragment) {
    return initialState(start).withMassKg(fragment.massKg());
  }

  /**
   * Full trajectory with samples every {@code config.outputIntervalS()} and the landing.
   *
   * @throws SimulationException when the integration breaks an invariant or never lands
   */
  public Trajectory simulate(LuminousEnd start, Fragment fragment) {
    if (legacy != null) {
      requireCd(fragment);
      return legacy.simulate(start, fragment);
    }
    return simulate(initialState(start, fragment), fragment);
  }

  /**
   * Full trajectory from any state to the ground.
   *
   * @throws SimulationException when the integration breaks an invariant or never lands
   */
  public Trajectory simulate(FlightState start, Fragment fragment) {
    requireModern();
    List<TrajectoryPoint> points = new ArrayList<>();
    Run run = new Run(fragment);
    double[] y0 = run.stateArray(start, fragment);
    checkAboveGround(start, y0);
    checkBudgets(start, true);
    run.propagator.run(start.timeS(), y0, 1, config.groundAltitudeM(), Double.NaN,
        config.outputIntervalS(), (t, y) -> {
          if (points.isEmpty() || t != points.get(points.size() - 1).timeS()) {
            points.add(run.point(t, y));
          }
        });
    Landing landing = run.landing(start);
    return new Trajectory(fragment, points, landing);
  }

  /**
   * Landing only, without recording samples: the fast path for ensembles.
   *
   * @throws SimulationException when the integration breaks an invariant or never lands
   */
  public Landing land(LuminousEnd start, Fragment fragment) {
    if (legacy != null) {
      requireCd(fragment);
      return legacy.land(start, fragment);
    }
    return land(initialState(start, fragment), fragment);
  }

  /**
   * Landing from any state (forward in time). Drift is measured from the point below
   * {@code start}; the fall time is the impact's time since the epoch.
   *
   * @throws SimulationException when the integration breaks an invariant or never lands
   */
  public Landing land(FlightState start, Fragment fragment) {
    requireModern();
    Run run = new Run(fragment);
    double[] y0 = run.stateArray(start, fragment);
    checkAboveGround(start, y0);
    checkBudgets(start, false);
    run.propagator.run(start.timeS(), y0, 1, config.groundAltitudeM(), Double.NaN, Double.NaN,
        null);
    return run.landing(start);
  }

  /**
   * Propagates until the ellipsoidal height {@code heightM} is crossed: forward in time when the
   * fragment is moving towards that height (or is level and the height is below it), backward
   * otherwise. The ground is not a stop here.
   *
   * @throws IllegalArgumentException when backward propagation would need ablation
   * @throws SimulationException      on a broken invariant or no crossing within the time limit
   */
  public FlightState propagateToHeight(FlightState state, Fragment fragment, double heightM) {
    requireModern();
    if (!Double.isFinite(heightM)) {
      throw new IllegalArgumentException("target height must be finite");
    }
    Run run = new Run(fragment, null);
    double[] y0 = run.stateArray(state, fragment);
    GeodeticPoint p = state.geodetic();
    double vUp = new LocalEnu(p).vectorToEnu(state.velocityEcefMps()).getZ();
    double below = p.heightM() - heightM; // > 0: target below
    // forward when moving towards the target (a horizontal start falls, so: forward if below)
    int direction = below > 0 ? (vUp <= 0 ? 1 : -1) : (vUp > 0 ? 1 : -1);
    if (below == 0.0) {
      return state.withMassKg(y0[6]);
    }
    checkDirection(direction);
    run.propagator.run(state.timeS(), y0, direction, heightM, Double.NaN, Double.NaN, null);
    return run.state(state);
  }

  /**
   * Propagates to the time {@code timeS} since the epoch, forward or backward.
   *
   * @throws IllegalArgumentException when backward propagation would need ablation
   * @throws SimulationException      on a broken invariant
   */
  public FlightState propagateToTime(FlightState state, Fragment fragment, double timeS) {
    requireModern();
    if (!Double.isFinite(timeS)) {
      throw new IllegalArgumentException("target time must be finite");
    }
    Run run = new Run(fragment, null);
    double[] y0 = run.stateArray(state, fragment);
    int direction = timeS >= state.timeS() ? 1 : -1;
    checkDirection(direction);
    run.propagator.run(state.timeS(), y0, direction, Double.NaN, timeS, Double.NaN, null);
    return run.state(state);
  }

  /** The state-propagation API needs the integration; a legacy method has no state to carry. */
  private void requireModern() {
    if (legacy != null) {
      throw new IllegalStateException("legacy mode " + legacy.name() + " computes landings from"
          + " the luminous end only; propagating from another state needs \"legacy\": \"none\"");
    }
  }

  /**
   * Refuses, before any integration, a fall that cannot stay within the budgets: no fall from
   * {@code start} to the ground is shorter than t_min = Δh / √(v² + 2 g_max Δh) (the speed of a
   * drag-free fall, g_max = 10 m/s²), so it needs at least t_min / (largest step) steps and, when
   * {@code recording}, t_min / output_interval_s recorded points.
   *
   * @throws SimulationException ({@code STEP_BUDGET_EXCEEDED} or {@code POINT_BUDGET_EXCEEDED},
   *                             at t = start time) when a budget is certain to be exceeded
   */
  public void checkBudgets(FlightState start, boolean recording) {
    double groundM = terrain == null ? config.groundAltitudeM() : terrain.maxHeightM();
    checkBudgets(config, groundM, start.heightM(), start.velocityEcefMps().getNorm(),
        start.timeS(), recording);
  }

  /**
   * {@link #checkBudgets(FlightState, boolean)} for a luminous end, without a simulator: lets a
   * command refuse a configuration before it builds anything.
   *
   * @throws SimulationException when a budget is certain to be exceeded
   */
  public static void checkBudgets(PhysicsConfig config, LuminousEnd start, boolean recording) {
    if (config.legacy() != PhysicsConfig.LegacyMode.NONE) {
      return; // the legacy methods step on their own
    }
    checkBudgets(config, config.groundAltitudeM(), start.altitudeM(), start.speedMps(), 0.0,
        recording);
  }

  private static void checkBudgets(PhysicsConfig config, double groundM, double heightM,
      double v, double timeS, boolean recording) {
    double dropM = heightM - groundM;
    if (!(dropM > 0) || !Double.isFinite(v)) {
      return;
    }
    double minFallS = dropM / Math.sqrt(v * v + 2.0 * 10.0 * dropM);
    PhysicsConfig.Integration in = config.integration();
    if (config.plugins().integrator() == null) {
      double minSteps = Math.floor(minFallS / in.largestStepS());
      if (minSteps > in.maxSteps()) {
        throw new SimulationException(SimulationException.Reason.STEP_BUDGET_EXCEEDED,
            timeS, String.format(java.util.Locale.ROOT,
                "the fall from %.0f m takes at least %.3g s; with steps of at most %.3g s that"
                    + " is at least %.3g integration steps, more than the step budget"
                    + " integration.max_steps = %d (raise it or the step sizes)",
                dropM, minFallS, in.largestStepS(), minSteps, in.maxSteps()));
      }
    }
    if (recording) {
      double minPoints = Math.floor(minFallS / config.outputIntervalS()) + 1;
      if (minPoints > in.maxRecordedPoints()) {
        throw new SimulationException(SimulationException.Reason.POINT_BUDGET_EXCEEDED,
            timeS, String.format(java.util.Locale.ROOT,
                "the fall from %.0f m takes at least %.3g s; at output_interval_s = %.3g s that"
                    + " is at least %.3g recorded points, more than the recorded-point budget"
                    + " integration.max_recorded_points = %d (raise it or output_interval_s)",
                dropM, minFallS, config.outputIntervalS(), minPoints,
                in.maxRecordedPoints()));
      }
    }
  }

  private void checkDirection(int direction) {
    if (direction < 0 && models.ablation().changesMass()) {
      throw new IllegalArgumentException("backward propagation is not possible with ablation"
          + " enabled: mass loss cannot be reversed; disable ablation for backward runs");
    }
  }

  private void checkAboveGround(FlightState start, double[] y0) {
    double h = start.heightM();
    double ground = terrain == null ? config.groundAltitudeM()
        : h > terrain.maxHeightM() ? terrain.maxHeightM() : terrain.heightM(
            start.geodetic().latitudeDeg(), start.geodetic().longitudeDeg());
    if (h < ground) {
      throw new IllegalArgumentException("the start height " + h
          + " m is below the ground at " + ground + " m");
    }
  }

  /** The per-call objects: equations of motion, integrator, propagator. */
  private final class Run {
    final EquationsOfMotion eom;
    final Propagator propagator;
    final double[] yDot = new double[EquationsOfMotion.DIMENSION];

    Run(Fragment fragment) {
      this(fragment, terrain);
    }

    /** @param surface the landing surface, or null to stop at the run's target height only */
    Run(Fragment fragment, Terrain surface) {
      requireCd(fragment);
      eom = new EquationsOfMotion(atmosphere.forTrajectory(), models, config.earthRotation(),
          fragment);
      Integrator integrator = integrators.create(absoluteTolerances, 3);
      propagator = new Propagator(eom, integrator, config.integration().maxSteps(),
          config.integration().maxRecordedPoints(), surface, cancellation);
    }

    double[] stateArray(FlightState s, Fragment fragment) {
      Vector3D r = s.positionEcefM();
      Vector3D v = s.velocityEcefMps();
      double m = Double.isNaN(s.massKg()) ? fragment.massKg() : s.massKg();
      return new double[] {r.getX(), r.getY(), r.getZ(), v.getX(), v.getY(), v.getZ(), m};
    }

    FlightState state(FlightState template) {
      double[] y = propagator.state();
      return new FlightState(template.epochUtc(), propagator.time(),
          new Vector3D(y[0], y[1], y[2]), new Vector3D(y[3], y[4], y[5]), y[6]);
    }

    TrajectoryPoint point(double t, double[] y) {
      eom.compute(t, y, yDot);
      GeodeticPoint p = Wgs84.toGeodetic(new Vector3D(y[0], y[1], y[2]));
      Vector3D vEnu = new LocalEnu(p).vectorToEnu(new Vector3D(y[3], y[4], y[5]));
      return new TrajectoryPoint(t, p.latitudeDeg(), p.longitudeDeg(), p.heightM(),
          vEnu.getX(), vEnu.getY(), vEnu.getZ(), vEnu.getNorm(), y[6], eom.lastMach(),
          eom.lastDragCoefficient());
    }

    Landing landing(FlightState start) {
      double t = propagator.time();
      double[] y = propagator.state();
      eom.compute(t, y, yDot);
      GeodeticPoint impact = Wgs84.toGeodetic(new Vector3D(y[0], y[1], y[2]));
      GeodeticPoint origin = start.geodetic();
      double m = y[6];
      double speed = Math.sqrt(y[3] * y[3] + y[4] * y[4] + y[5] * y[5]);
      double terminal = Math.sqrt(2.0 * m * eom.lastGravityMps2()
          / (eom.lastAirDensityKgM3() * eom.lastDragCoefficient() * eom.crossSectionM2(m)));
      Geodesics.DistanceBearing drift = Geodesics.inverse(origin.latitudeDeg(),
          origin.longitudeDeg(), impact.latitudeDeg(), impact.longitudeDeg());
      double groundM = terrain == null ? config.groundAltitudeM() : impact.heightM();
      return new Landing(impact.latitudeDeg(), impact.longitudeDeg(), groundM,
          start.epochUtc().plusNanos(Math.round(t * 1e9)), t, speed, terminal, m,
          drift.distanceM(), drift.initialBearingDeg(), 0.5 * m * speed * speed,
          eom.lastDragCoefficient());
    }
  }
}
