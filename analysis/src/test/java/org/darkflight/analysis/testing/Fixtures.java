package org.darkflight.analysis.testing;

import org.darkflight.analysis.testing.ToyPhysics;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.analysis.ensemble.Distribution;
import org.darkflight.analysis.ensemble.EnsembleConfig;
import org.darkflight.analysis.ensemble.UncertainParameter;
import org.darkflight.analysis.sampling.NominalInputs;
import org.darkflight.analysis.sampling.SampleFactory;

/** Small shared inputs for the analysis and transform tests. */
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
}
