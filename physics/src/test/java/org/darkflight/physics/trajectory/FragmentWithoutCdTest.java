package org.darkflight.physics.trajectory;

import static org.darkflight.physics.TestFixtures.config;
import static org.darkflight.physics.TestFixtures.luminousEnd;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.PhysicsConfig.DragModelKind;
import org.darkflight.physics.PhysicsConfig.GravityModelKind;
import org.darkflight.physics.PhysicsConfig.IntegratorKind;
import org.darkflight.physics.atmosphere.StandardAtmosphere1976;
import org.darkflight.physics.models.PhysicsModels;
import org.junit.jupiter.api.Test;

/**
 * A fragment's {@code cd} is needed only by what reads it (issue 16 §4): a drag model that
 * computes Cd itself flies a fragment without cd exactly as one with any cd; simple_constant
 * drag, simple ablation and the legacy methods refuse it, naming the fragment.
 */
class FragmentWithoutCdTest {

  private static final LuminousEnd START = luminousEnd(20_000, 3_000, 90, 45);
  private static final Fragment WITHOUT = new Fragment("nocd", 1.0, 3500, Double.NaN, 1.21);

  private static PhysicsConfig with(DragModelKind drag) {
    return config(IntegratorKind.RK4, 0.05, drag, GravityModelKind.CONSTANT);
  }

  @Test
  void modelsWithTheirOwnCdNeedNone() {
    for (DragModelKind drag : new DragModelKind[] {DragModelKind.MACH_REGIME,
        DragModelKind.REYNOLDS_CURVE, DragModelKind.HENDERSON}) {
      PhysicsConfig c = with(drag);
      assertThat(drag.name(), PhysicsModels.needsFragmentCd(c), is(false));
      DarkflightSimulator sim = PhysicsModels.simulator(StandardAtmosphere1976.INSTANCE, c);
      assertThat(sim.needsFragmentCd(), is(false));
      Landing without = sim.land(START, WITHOUT);
      // the fragment's cd is not read: any value gives the same landing
      Landing with = sim.land(START, new Fragment("nocd", 1.0, 3500, 7.5, 1.21));
      assertThat(drag.name(), without.latitudeDeg(), is(with.latitudeDeg()));
      assertThat(drag.name(), without.longitudeDeg(), is(with.longitudeDeg()));
      assertThat(drag.name(), without.fallTimeS(), is(with.fallTimeS()));
      assertThat("the Cd in use at impact is reported", without.dragCoefficient() > 0
          && Double.isFinite(without.dragCoefficient()), is(true));
      assertThat(sim.simulate(START, WITHOUT).landing().fallTimeS(), is(sim.simulate(START,
          new Fragment("nocd", 1.0, 3500, 0.3, 1.21)).landing().fallTimeS()));
    }
  }

  @Test
  void simpleConstantDragRefusesAFragmentWithoutCd() {
    PhysicsConfig c = with(DragModelKind.SIMPLE_CONSTANT);
    assertThat(PhysicsModels.needsFragmentCd(c), is(true));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PhysicsModels.simulator(StandardAtmosphere1976.INSTANCE, c).land(START, WITHOUT));
    assertThat(e.getMessage(), containsString("fragment nocd gives no cd, but the drag model"));
  }

  @Test
  void simpleAblationAndLegacyModesNeedCd() {
    PhysicsConfig m = with(DragModelKind.MACH_REGIME);
    PhysicsConfig simpleAblation = new PhysicsConfig(m.dragModel(), 1.0,
        new PhysicsConfig.Ablation(true, PhysicsConfig.AblationMethod.SIMPLE, 1e-8, Double.NaN,
            8e6), m.gravityModel(), false, 0.0, m.integration(), 1.0, m.legacy());
    assertThat(PhysicsModels.needsFragmentCd(simpleAblation), is(true));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PhysicsModels.simulator(StandardAtmosphere1976.INSTANCE, simpleAblation)
            .land(START, WITHOUT));
    assertThat(e.getMessage(), containsString("the ablation model uses it"));
    PhysicsConfig classical = new PhysicsConfig(m.dragModel(), 1.0,
        new PhysicsConfig.Ablation(true, PhysicsConfig.AblationMethod.CLASSICAL, Double.NaN,
            0.014e-6, 8e6), m.gravityModel(), false, 0.0, m.integration(), 1.0, m.legacy());
    assertThat(PhysicsModels.needsFragmentCd(classical), is(false));
    PhysicsConfig legacy = new PhysicsConfig(m.dragModel(), 1.0, m.ablation(),
        m.gravityModel(), false, 0.0, m.integration(), 1.0, PhysicsConfig.LegacyMode.FRIES_V42);
    assertThat(PhysicsModels.needsFragmentCd(legacy), is(true));
  }

  @Test
  void cdIsStillCheckedWhenGiven() {
    assertThrows(IllegalArgumentException.class,
        () -> new Fragment("bad", 1.0, 3500, -1.0, 1.21));
    assertThrows(IllegalArgumentException.class,
        () -> new Fragment("bad", 1.0, 3500, Double.POSITIVE_INFINITY, 1.21));
    assertThat(WITHOUT.hasCd(), is(false));
  }
}
