package org.darkflight.physics.trajectory;

import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.atmosphere.AtmosphereModel;

/**
 * Integrates a fragment from the luminous end to the ground with the models a
 * {@link PhysicsConfig} selects. Instances are immutable and thread-safe; each call builds its
 * own (mutable) integrator.
 */
public final class DarkflightSimulator {

  private final AtmosphereModel atmosphere;
  private final PhysicsConfig config;

  public DarkflightSimulator(AtmosphereModel atmosphere, PhysicsConfig config) {
    this.atmosphere = atmosphere;
    this.config = config;
  }

  public AtmosphereModel atmosphere() {
    return atmosphere;
  }

  public PhysicsConfig config() {
    return config;
  }

  /**
   * Full trajectory with samples every {@code config.outputIntervalS()} and the landing.
   *
   * @throws SimulationException when the integration breaks an invariant or never lands
   */
  public Trajectory simulate(LuminousEnd start, Fragment fragment) {
    throw new UnsupportedOperationException("physics core not yet wired (issue 3 in progress)");
  }

  /**
   * Landing only, without recording samples: the fast path for ensembles.
   *
   * @throws SimulationException when the integration breaks an invariant or never lands
   */
  public Landing land(LuminousEnd start, Fragment fragment) {
    return simulate(start, fragment).landing();
  }
}
