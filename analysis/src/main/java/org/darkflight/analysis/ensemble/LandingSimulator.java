package org.darkflight.analysis.ensemble;

import java.io.Serializable;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.atmosphere.AtmosphereModel;
import org.darkflight.physics.trajectory.Landing;

/**
 * Where one fragment lands: the physics core seen from the pipeline. Serializable so that a DoFn
 * can carry it; implementations must be pure functions of their arguments.
 */
@FunctionalInterface
public interface LandingSimulator extends Serializable {

  /**
   * @throws org.darkflight.physics.trajectory.SimulationException when the integration fails
   */
  Landing land(AtmosphereModel atmosphere, LuminousEnd start, Fragment fragment);
}
