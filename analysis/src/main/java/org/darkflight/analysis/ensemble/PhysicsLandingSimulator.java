package org.darkflight.analysis.ensemble;

import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.atmosphere.AtmosphereModel;
import org.darkflight.physics.models.PhysicsModels;
import org.darkflight.physics.trajectory.DarkflightSimulator;
import org.darkflight.physics.trajectory.Landing;
import org.darkflight.physics.trajectory.Terrain;

/**
 * The physics core's {@link DarkflightSimulator#land} as a {@link LandingSimulator}. The physics
 * configuration is a plain record (not serializable), so it is carried field by field and rebuilt
 * on the worker.
 */
public final class PhysicsLandingSimulator implements LandingSimulator {

  private static final long serialVersionUID = 1L;

  private final PhysicsConfig.DragModelKind dragModel;
  private final double cdScale;
  private final boolean ablationEnabled;
  private final PhysicsConfig.AblationMethod ablationMethod;
  private final double kAb;
  private final double sigma;
  private final double qStarJPerKg;
  private final PhysicsConfig.GravityModelKind gravityModel;
  private final boolean earthRotation;
  private final double groundAltitudeM;
  private final PhysicsConfig.IntegratorKind method;
  private final double dtInitialS;
  private final double dtMinS;
  private final double dtMaxS;
  private final double relativeTolerance;
  private final double absoluteToleranceM;
  private final long maxSteps;
  private final long maxRecordedPoints;
  private final double outputIntervalS;
  private final PhysicsConfig.LegacyMode legacy;
  private final PhysicsConfig.Plugins plugins;
  private final Terrain terrain;
  private final String cancellationKey;
  private transient PhysicsConfig config;

  /** Landings on the constant ground of the configuration. */
  public PhysicsLandingSimulator(PhysicsConfig c) {
    this(c, null, null);
  }

  /**
   * Landings on a terrain surface, with integrations that stop when the
   * {@link RunCancellation} registered under {@code cancellationKey} is cancelled.
   *
   * @param terrain         the ground, or null for the constant ground of {@code c}
   * @param cancellationKey the run's cancellation key, or null: never cancelled
   */
  public PhysicsLandingSimulator(PhysicsConfig c, Terrain terrain, String cancellationKey) {
    this.terrain = terrain;
    this.cancellationKey = cancellationKey;
    dragModel = c.dragModel();
    cdScale = c.cdScale();
    ablationEnabled = c.ablation().enabled();
    ablationMethod = c.ablation().method();
    kAb = c.ablation().kAb();
    sigma = c.ablation().sigma();
    qStarJPerKg = c.ablation().qStarJPerKg();
    gravityModel = c.gravityModel();
    earthRotation = c.earthRotation();
    groundAltitudeM = c.groundAltitudeM();
    method = c.integration().method();
    dtInitialS = c.integration().dtInitialS();
    dtMinS = c.integration().dtMinS();
    dtMaxS = c.integration().dtMaxS();
    relativeTolerance = c.integration().relativeTolerance();
    absoluteToleranceM = c.integration().absoluteToleranceM();
    maxSteps = c.integration().maxSteps();
    maxRecordedPoints = c.integration().maxRecordedPoints();
    outputIntervalS = c.outputIntervalS();
    legacy = c.legacy();
    plugins = c.plugins();
    config = c;
  }

  /** The physics configuration. */
  public PhysicsConfig config() {
    if (config == null) {
      config = new PhysicsConfig(dragModel, cdScale,
          new PhysicsConfig.Ablation(ablationEnabled, ablationMethod, kAb, sigma, qStarJPerKg),
          gravityModel, earthRotation, groundAltitudeM,
          new PhysicsConfig.Integration(method, dtInitialS, dtMinS, dtMaxS, relativeTolerance,
              absoluteToleranceM, maxSteps, maxRecordedPoints),
          outputIntervalS, legacy, plugins);
    }
    return config;
  }

  @Override
  public Landing land(AtmosphereModel atmosphere, LuminousEnd start, Fragment fragment) {
    return PhysicsModels.simulator(atmosphere, config()).withTerrain(terrain)
        .withCancellation(RunCancellation.forKey(cancellationKey)).land(start, fragment);
  }
}
