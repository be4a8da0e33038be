package org.darkflight.physics;

/**
 * Which physical models and which integrator a simulation uses; the Java form of
 * {@code physics_config.json} (docs/inputs.md).
 *
 * @param dragModel       drag coefficient model
 * @param cdScale         multiplier on the drag coefficient the model gives (1 = none); the
 *                        ensemble perturbs it
 * @param ablation        ablation settings (off by default)
 * @param gravityModel    gravity model
 * @param earthRotation   add Coriolis and centrifugal terms of the rotating Earth-fixed frame
 * @param groundAltitudeM height of the ground above the WGS84 ellipsoid, m
 * @param integration     integrator and step settings
 * @param outputIntervalS spacing of the recorded trajectory samples, s (&gt; 0)
 * @param legacy          a legacy workbook method to reproduce instead of the modern physics
 * @param plugins         plugin models chosen by name instead of the built-in kinds above
 *                        ({@link Plugins#NONE}: none); see docs/plugins.md
 */
public record PhysicsConfig(
    DragModelKind dragModel,
    double cdScale,
    Ablation ablation,
    GravityModelKind gravityModel,
    boolean earthRotation,
    double groundAltitudeM,
    Integration integration,
    double outputIntervalS,
    LegacyMode legacy,
    Plugins plugins) {

  /**
   * Built-in drag models: docs/inputs.md's three, and {@code henderson} (Cd(Mach, Re) of Henderson
   * 1976; {@code reynolds_curve} is Cd(Re) only and ignores Mach).
   */
  public enum DragModelKind { SIMPLE_CONSTANT, MACH_REGIME, REYNOLDS_CURVE, HENDERSON }

  /** Ablation methods of docs/inputs.md. */
  public enum AblationMethod { SIMPLE, CLASSICAL }

  /** Gravity models of docs/inputs.md. */
  public enum GravityModelKind { CONSTANT, WGS84_LOCAL }

  /** Integrators of docs/inputs.md. */
  public enum IntegratorKind { RK4, RKF45, SEMI_IMPLICIT }

  /** Legacy parity modes (docs/methodology.md §19). */
  public enum LegacyMode { NONE, FRIES_V42, FRIES_V2 }

  /**
   * Ablation settings. Parameters are NaN where the method's default applies.
   *
   * @param enabled whether mass is lost during dark flight
   * @param method  the ablation law
   * @param kAb     ablation coefficient of the simple law, kg/(m²·s) per (m/s)³·(kg/m³) — see
   *                docs/methodology.md
   * @param sigma   ablation coefficient σ of the classical single-body equations, s²/m²
   * @param qStarJPerKg heat of ablation Q*, J/kg
   */
  public record Ablation(boolean enabled, AblationMethod method, double kAb, double sigma,
      double qStarJPerKg) {
    public Ablation {
      if (method == null) {
        throw new IllegalArgumentException("ablation.method must be given");
      }
    }

    /** Ablation off. */
    public static Ablation off() {
      return new Ablation(false, AblationMethod.CLASSICAL, Double.NaN, Double.NaN, Double.NaN);
    }
  }

  /**
   * Integrator settings.
   *
   * @param method           integrator
   * @param dtInitialS       first (or, for fixed-step methods, every) step, s
   * @param dtMinS           smallest adaptive step, s
   * @param dtMaxS           largest adaptive step, s
   * @param relativeTolerance relative tolerance of adaptive methods
   * @param absoluteToleranceM absolute position tolerance of adaptive methods, m
   * @param maxSteps         step budget of one trajectory: more integration steps (accepted or
   *                         rejected) fail it with {@code STEP_BUDGET_EXCEEDED}
   * @param maxRecordedPoints recorded-point budget of one trajectory: more samples fail it with
   *                         {@code POINT_BUDGET_EXCEEDED}
   */
  public record Integration(IntegratorKind method, double dtInitialS, double dtMinS,
      double dtMaxS, double relativeTolerance, double absoluteToleranceM, long maxSteps,
      long maxRecordedPoints) {

    /**
     * Default step budget per trajectory: 5 million steps (about 10 s of one core with rk4; a
     * 1 mg grain falling 10 h at 0.05 s needs 0.7 million).
     */
    public static final long DEFAULT_MAX_STEPS = 5_000_000L;
    /**
     * Default recorded-point budget per trajectory: 200 000 samples (about 25 MB in memory,
     * 60 MB of trajectory.json; a 10 h fall at 1 s needs 36 000).
     */
    public static final long DEFAULT_MAX_RECORDED_POINTS = 200_000L;

    /** Settings with the default budgets. */
    public Integration(IntegratorKind method, double dtInitialS, double dtMinS, double dtMaxS,
        double relativeTolerance, double absoluteToleranceM) {
      this(method, dtInitialS, dtMinS, dtMaxS, relativeTolerance, absoluteToleranceM,
          DEFAULT_MAX_STEPS, DEFAULT_MAX_RECORDED_POINTS);
    }

    /** The largest step the method can take, s: dt_initial_s for fixed-step methods. */
    public double largestStepS() {
      return method == IntegratorKind.RKF45 ? dtMaxS : Math.max(dtInitialS, dtMaxS);
    }

    public Integration {
      if (maxSteps < 1) {
        throw new IllegalArgumentException("integration.max_steps must be >= 1, got " + maxSteps);
      }
      if (maxRecordedPoints < 2) {
        throw new IllegalArgumentException(
            "integration.max_recorded_points must be >= 2, got " + maxRecordedPoints);
      }
      if (method == null) {
        throw new IllegalArgumentException("integration.method must be given");
      }
      if (!(dtMinS > 0) || !(dtInitialS > 0) || !(dtMaxS > 0)) {
        throw new IllegalArgumentException("integration steps must be > 0");
      }
      if (dtMinS > dtMaxS) {
        throw new IllegalArgumentException(
            "integration.dt_min_s (" + dtMinS + ") must not exceed dt_max_s (" + dtMaxS + ")");
      }
      if (!(relativeTolerance > 0) || !(absoluteToleranceM > 0)) {
        throw new IllegalArgumentException("integration tolerances must be > 0");
      }
    }
  }

  /**
   * Plugin models a configuration selects by name (docs/plugins.md), each with its configuration block
   * as JSON text (<code>{}</code> when absent). A non-null name overrides the corresponding
   * built-in kind: {@code dragModel} overrides {@link PhysicsConfig#dragModel()},
   * {@code ablationModel} overrides {@link Ablation#method()} (used only when ablation is
   * enabled), {@code integrator} overrides {@link Integration#method()}. Plain strings, so the
   * record is serializable and the physics module needs no JSON library.
   *
   * @param dragModel            name of a DragModel plugin, or null
   * @param dragConfigJson       its configuration
   * @param ablationModel        name of an AblationModel plugin, or null
   * @param ablationConfigJson   its configuration
   * @param integrator           name of an Integrator plugin, or null
   * @param integratorConfigJson its configuration
   */
  public record Plugins(String dragModel, String dragConfigJson, String ablationModel,
      String ablationConfigJson, String integrator, String integratorConfigJson)
      implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** No plugins: the built-in kinds apply. */
    public static final Plugins NONE = new Plugins(null, null, null, null, null, null);

    public Plugins {
      dragConfigJson = dragConfigJson == null ? "{}" : dragConfigJson;
      ablationConfigJson = ablationConfigJson == null ? "{}" : ablationConfigJson;
      integratorConfigJson = integratorConfigJson == null ? "{}" : integratorConfigJson;
    }

    /** A copy without the integrator plugin (the built-in integration method applies). */
    public Plugins withoutIntegrator() {
      return new Plugins(dragModel, dragConfigJson, ablationModel, ablationConfigJson, null,
          null);
    }

    /** Whether any plugin is selected. */
    public boolean any() {
      return dragModel != null || ablationModel != null || integrator != null;
    }
  }

  /** A configuration with only built-in models (no plugins). */
  public PhysicsConfig(DragModelKind dragModel, double cdScale, Ablation ablation,
      GravityModelKind gravityModel, boolean earthRotation, double groundAltitudeM,
      Integration integration, double outputIntervalS, LegacyMode legacy) {
    this(dragModel, cdScale, ablation, gravityModel, earthRotation, groundAltitudeM, integration,
        outputIntervalS, legacy, Plugins.NONE);
  }

  public PhysicsConfig {
    if (plugins == null) {
      plugins = Plugins.NONE;
    }
    if (dragModel == null || ablation == null || gravityModel == null || integration == null
        || legacy == null) {
      throw new IllegalArgumentException("physics config fields must not be null");
    }
    if (!(cdScale > 0) || !Double.isFinite(cdScale)) {
      throw new IllegalArgumentException("cd_scale must be a finite number > 0, got " + cdScale);
    }
    if (!Double.isFinite(groundAltitudeM)) {
      throw new IllegalArgumentException("ground_altitude_m must be finite");
    }
    if (!(outputIntervalS > 0)) {
      throw new IllegalArgumentException("output interval must be > 0 s");
    }
  }

  /** The spec's sample configuration (§18): constant Cd, RK4 at 0.05 s, no ablation. */
  public static PhysicsConfig defaults() {
    return new PhysicsConfig(DragModelKind.SIMPLE_CONSTANT, 1.0, Ablation.off(),
        GravityModelKind.WGS84_LOCAL, false, 0.0,
        new Integration(IntegratorKind.RK4, 0.05, 0.005, 0.2, 1e-9, 1e-3), 1.0, LegacyMode.NONE);
  }

  /** A copy with another drag-coefficient scale. */
  public PhysicsConfig withCdScale(double scale) {
    return new PhysicsConfig(dragModel, scale, ablation, gravityModel, earthRotation,
        groundAltitudeM, integration, outputIntervalS, legacy, plugins);
  }

  /** A copy with other plugin selections. */
  public PhysicsConfig withPlugins(Plugins selected) {
    return new PhysicsConfig(dragModel, cdScale, ablation, gravityModel, earthRotation,
        groundAltitudeM, integration, outputIntervalS, legacy, selected);
  }
}
