package org.darkflight.physics.atmosphere;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The trajectory cursor of a profile atmosphere returns exactly what the shared model returns,
 * whatever the sequence of heights (falling, jumping, on the levels, outside the profile).
 */
class TrajectoryCursorProperties {

  private static ProfileAtmosphere profile(int levels, double spacingM) {
    List<AtmosLevel> l = new ArrayList<>();
    for (int i = 0; i < levels; i++) {
      double z = 200 + i * spacingM;
      l.add(new AtmosLevel(z, 98_000 * Math.exp(-z / 7_400), 288 - 0.006 * Math.min(z, 11_000), 3 + (i % 7),
          -2 + (i % 5), 0.01 * (i % 3), Double.NaN, Double.NaN, Double.NaN, Double.NaN));
    }
    return new ProfileAtmosphere(l);
  }

  @Property(tries = 300)
  void cursorEqualsTheSharedModel(@ForAll @IntRange(min = 1, max = 300) int levels,
      @ForAll @DoubleRange(min = 1, max = 2_000) double spacingM,
      @ForAll @Size(min = 1, max = 60) List<@DoubleRange(min = -2_000, max = 80_000) Double>
          heights,
      @ForAll @IntRange(min = 0, max = 299) int onLevel) {
    ProfileAtmosphere p = profile(levels, spacingM);
    AtmosphereModel cursor = p.forTrajectory();
    List<Double> zs = new ArrayList<>(heights);
    // a falling run through the profile, and a height exactly on a level
    double top = 200 + (levels - 1) * spacingM;
    for (double z = top + 300; z > 0; z -= spacingM / 3) {
      zs.add(z);
    }
    zs.add(200 + Math.min(onLevel, levels - 1) * spacingM);
    for (double z : zs) {
      assertThat("height " + z, cursor.at(z), equalTo(p.at(z)));
    }
  }
}
