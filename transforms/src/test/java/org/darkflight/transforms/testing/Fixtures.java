package org.darkflight.transforms.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.transforms.config.Distribution;
import org.darkflight.transforms.config.EnsembleConfig;
import org.darkflight.transforms.config.UncertainParameter;
import org.darkflight.transforms.fit.EventPlane;
import org.darkflight.transforms.fit.MassClassBins;
import org.darkflight.transforms.integrate.Integrate;
import org.darkflight.transforms.sampling.NominalInputs;
import org.darkflight.transforms.sampling.SampleFactory;

/** Small shared inputs for the transform tests. */
public final class Fixtures {

  public static final Instant TIME = Instant.parse("2003-03-27T05:50:26Z");
  public static final LuminousEnd START =
      new LuminousEnd(TIME, 41.48, -87.68, 18_000, 3_000, 200, 60);

  private Fixtures() {}

  public static List<Fragment> fragments() {
    return List.of(new Fragment("a-1g", 0.001, 3500, 1.3, 1.21),
        new Fragment("b-100g", 0.1, 3500, 1.3, 1.21),
        new Fragment("c-10kg", 10, 3500, 1.3, 1.21));
  }

  public static Map<UncertainParameter, Distribution> distributions() {
    return Map.of(
        UncertainParameter.MASS_KG, Distribution.lognormal(Double.NaN, 0.2),
        UncertainParameter.CD, Distribution.normal(Double.NaN, 0.1),
        UncertainParameter.LAT, Distribution.normal(Double.NaN, 0.01),
        UncertainParameter.AZIMUTH_DEG, Distribution.uniformAround(5),
        UncertainParameter.WIND_SCALE, Distribution.uniform(0.8, 1.2));
  }

  public static EnsembleConfig config(long samples, int perElement) {
    return EnsembleConfig.monteCarlo(samples, 123456L, distributions())
        .withSamplesPerElement(perElement).withWindPerturbation(1.0);
  }

  public static SampleFactory factory(EnsembleConfig config) {
    return new SampleFactory(config, new NominalInputs(fragments(), START, ToyPhysics.levels()));
  }

  public static Integrate.Settings settings(EnsembleConfig config) {
    return new Integrate.Settings(TIME, config.randomSeed(), 1.0,
        new EventPlane(START.latitudeDeg(), START.longitudeDeg()),
        new MassClassBins(config.massClassEdgesKg()));
  }
}
