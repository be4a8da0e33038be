package org.darkflight.physics;

import org.darkflight.physics.atmosphere.AirProperties;
import org.darkflight.physics.atmosphere.AtmosphereModel;
import org.darkflight.physics.atmosphere.AtmosphereState;

/** Smooth analytic atmospheres for convergence tests (no kinks that would spoil the order). */
public final class AtmosphereFixtures {

  private AtmosphereFixtures() {}

  /** Isothermal exponential atmosphere (scale height 7.5 km) with a smooth wind shear. */
  public static AtmosphereModel smoothWindyExponential() {
    return h -> {
      double t = 250.0;
      double rho = 1.225 * Math.exp(-h / 7_500.0);
      double p = rho * 287.0531 * t;
      return new AtmosphereState(t, p, rho, AirProperties.speedOfSoundMps(t),
          AirProperties.viscosityPaS(t), 20.0 * Math.sin(h / 4_000.0), 5.0 + h / 2_000.0,
          0.0);
    };
  }
}
