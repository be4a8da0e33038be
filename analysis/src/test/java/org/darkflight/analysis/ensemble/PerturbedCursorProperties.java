package org.darkflight.analysis.ensemble;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.darkflight.physics.atmosphere.AtmosLevel;
import org.darkflight.physics.atmosphere.AtmosphereModel;
import org.darkflight.physics.atmosphere.ProfileAtmosphere;

/** The trajectory cursor of a perturbed atmosphere returns exactly what the shared one does. */
class PerturbedCursorProperties {

  @Property(tries = 300)
  void cursorEqualsTheSharedModel(@ForAll @IntRange(min = 1, max = 200) int levels,
      @ForAll @DoubleRange(min = 1, max = 2_000) double spacingM,
      @ForAll @DoubleRange(min = 0.5, max = 1.5) double windScale,
      @ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = -2_000, max = 80_000) Double>
          heights) {
    List<AtmosLevel> l = new ArrayList<>();
    double[] altitudes = new double[levels];
    List<Double> perturbation = new ArrayList<>();
    for (int i = 0; i < levels; i++) {
      double z = 200 + i * spacingM;
      altitudes[i] = z;
      l.add(new AtmosLevel(z, 98_000 * Math.exp(-z / 7_400), 288 - 0.006 * Math.min(z, 11_000), 3 + (i % 7),
          -2 + (i % 5), 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
      perturbation.add(0.3 * (i % 4) - 0.5);
      perturbation.add(0.2 * (i % 3));
    }
    PerturbedAtmosphere p = new PerturbedAtmosphere(new ProfileAtmosphere(l), windScale,
        altitudes, perturbation);
    AtmosphereModel cursor = p.forTrajectory();
    List<Double> zs = new ArrayList<>(heights);
    for (double z = altitudes[levels - 1] + 300; z > 0; z -= spacingM / 3) {
      zs.add(z);
    }
    for (double a : altitudes) {
      zs.add(a);
    }
    for (double z : zs) {
      assertThat("height " + z, cursor.at(z), equalTo(p.at(z)));
    }
  }
}
