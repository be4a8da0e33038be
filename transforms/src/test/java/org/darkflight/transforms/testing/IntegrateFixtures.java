package org.darkflight.transforms.testing;

import org.darkflight.analysis.ensemble.EnsembleConfig;
import org.darkflight.analysis.ensemble.EventPlane;
import org.darkflight.analysis.ensemble.MassClassBins;
import org.darkflight.analysis.testing.Fixtures;
import org.darkflight.transforms.integrate.Integrate;

/** The settings of {@link Integrate} for the shared test inputs of {@link Fixtures}. */
public final class IntegrateFixtures {

  private IntegrateFixtures() {}

  public static Integrate.Settings settings(EnsembleConfig config) {
    return new Integrate.Settings(Fixtures.TIME, config.randomSeed(), 1.0,
        new EventPlane(Fixtures.START.latitudeDeg(), Fixtures.START.longitudeDeg()),
        new MassClassBins(config.massClassEdgesKg()));
  }
}
