package org.darkflight.physics.ablation;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.darkflight.physics.Fragment;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.PhysicsConfig.AblationMethod;
import org.darkflight.physics.models.PhysicsModels;
import org.junit.jupiter.api.Test;

class AblationModelTest {

  private static final Fragment STONE = new Fragment("s", 1, 3500, 1.2, 1.21);
  private static final double S = 5e-3;
  private static final double RHO = 0.01;
  private static final double V = 3000;
  private static final double FLUX = S * RHO * V * V * V;

  @Test
  void classicalWithSigma() {
    // dm/dt = −σ (C_d/2) S ρ v³
    ClassicalAblation a = new ClassicalAblation(0.014e-6, Double.NaN);
    assertThat(a.massRateKgPerS(S, RHO, V, 1.5, STONE), closeTo(-0.014e-6 * 0.75 * FLUX,
        1e-15));
  }

  @Test
  void classicalWithEffectiveHeatOfAblation() {
    // dm/dt = −S ρ v³ / (2 Q*)
    ClassicalAblation a = new ClassicalAblation(Double.NaN, 8e6);
    assertThat(a.massRateKgPerS(S, RHO, V, 1.5, STONE), closeTo(-FLUX / 1.6e7, 1e-15));
  }

  @Test
  void classicalDefaultsToTheFireballTypeSigma() {
    ClassicalAblation a = new ClassicalAblation(Double.NaN, Double.NaN);
    assertThat(a.massRateKgPerS(S, RHO, V, 1.0, STONE), closeTo(-0.014e-6 * 0.5 * FLUX,
        1e-15));
    assertThat(AblationModel.typicalSigmaS2PerM2(7800), closeTo(0.07e-6, 1e-18));
    assertThat(AblationModel.typicalSigmaS2PerM2(2000), closeTo(0.042e-6, 1e-18));
    assertThat(AblationModel.typicalSigmaS2PerM2(1000), closeTo(0.1e-6, 1e-18));
  }

  @Test
  void simpleLaw() {
    assertThat(new SimpleAblation(2e-8, Double.NaN).massRateKgPerS(S, RHO, V, 9, STONE),
        closeTo(-2e-8 * FLUX, 1e-15));
    assertThat(new SimpleAblation(Double.NaN, 5e6).massRateKgPerS(S, RHO, V, 9, STONE),
        closeTo(-FLUX / 1e7, 1e-15));
    assertThat(new SimpleAblation(Double.NaN, Double.NaN).massRateKgPerS(S, RHO, V, 9, STONE),
        closeTo(-0.014e-6 * 0.6 * FLUX, 1e-15));
  }

  @Test
  void neverPositiveAndNoneIsZero() {
    assertThat(AblationModel.NONE.massRateKgPerS(S, RHO, V, 1, STONE), is(0.0));
    assertThat(AblationModel.NONE.changesMass(), is(false));
    assertThat(new SimpleAblation(0, Double.NaN).massRateKgPerS(S, RHO, V, 1, STONE) <= 0,
        is(true));
    assertThat(new ClassicalAblation(1e-8, Double.NaN).changesMass(), is(true));
  }

  @Test
  void rejectsBadParameters() {
    assertThrows(IllegalArgumentException.class, () -> new SimpleAblation(-1, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new SimpleAblation(Double.NaN, 0));
    assertThrows(IllegalArgumentException.class,
        () -> new ClassicalAblation(Double.POSITIVE_INFINITY, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new ClassicalAblation(Double.NaN, 0));
  }

  @Test
  void configSelects() {
    PhysicsConfig d = PhysicsConfig.defaults();
    assertThat(PhysicsModels.ablation(d), sameInstance(AblationModel.NONE));
    assertThat(PhysicsModels.ablation(withAblation(d, AblationMethod.SIMPLE)),
        instanceOf(SimpleAblation.class));
    assertThat(PhysicsModels.ablation(withAblation(d, AblationMethod.CLASSICAL)),
        instanceOf(ClassicalAblation.class));
  }

  private static PhysicsConfig withAblation(PhysicsConfig d, AblationMethod m) {
    return new PhysicsConfig(d.dragModel(), 1, new PhysicsConfig.Ablation(true, m, Double.NaN,
        Double.NaN, Double.NaN), d.gravityModel(), false, 0, d.integration(), 1, d.legacy());
  }
}
