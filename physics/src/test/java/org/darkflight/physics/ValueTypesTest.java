package org.darkflight.physics;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.darkflight.physics.PhysicsConfig.Integration;
import org.darkflight.physics.PhysicsConfig.IntegratorKind;
import org.darkflight.physics.atmosphere.AtmosLevel;
import org.darkflight.physics.trajectory.FlightState;
import org.darkflight.physics.trajectory.ForceModels;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;

/** Validation and derived quantities of the shared value types. */
class ValueTypesTest {

  @Test
  void fragmentGeometry() {
    Fragment f = new Fragment("a", 3.5, 3500, 1.2, Fragment.SPHERE_SHAPE_FACTOR);
    assertThat(f.volumeM3(), closeTo(1e-3, 1e-15));
    // sphere of 1 litre: S = π r², r = ∛(3V / 4π)
    double r = Math.cbrt(3e-3 / (4 * Math.PI));
    assertThat(f.crossSectionM2(), closeTo(Math.PI * r * r, 1e-4 * Math.PI * r * r));
    assertThat(f.equivalentDiameterM(), closeTo(2 * r, 1e-12));
    assertThat(f.withMassKg(1).massKg(), is(1.0));
    assertThrows(IllegalArgumentException.class, () -> new Fragment(" ", 1, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new Fragment(null, 1, 1, 1, 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Fragment("a", -1, 1, 1, 1));
    assertThat(e.getMessage(), containsString("mass_kg"));
    assertThrows(IllegalArgumentException.class,
        () -> new Fragment("a", 1, 1, Double.POSITIVE_INFINITY, 1));
  }

  @Test
  void luminousEndValidation() {
    Instant t = Instant.EPOCH;
    assertThrows(IllegalArgumentException.class,
        () -> new LuminousEnd(null, 0, 0, 1000, 10, 0, 0));
    assertThrows(IllegalArgumentException.class,
        () -> new LuminousEnd(t, 91, 0, 1000, 10, 0, 0));
    assertThrows(IllegalArgumentException.class,
        () -> new LuminousEnd(t, 0, 0, 1000, 10, 0, 91));
    assertThrows(IllegalArgumentException.class,
        () -> new LuminousEnd(t, 0, 0, Double.NaN, 10, 0, 0));
  }

  @Test
  void physicsConfigValidation() {
    PhysicsConfig d = PhysicsConfig.defaults();
    assertThat(d.withCdScale(2).cdScale(), is(2.0));
    assertThrows(IllegalArgumentException.class, () -> d.withCdScale(0));
    assertThrows(IllegalArgumentException.class, () -> new PhysicsConfig(null, 1,
        d.ablation(), d.gravityModel(), false, 0, d.integration(), 1, d.legacy()));
    assertThrows(IllegalArgumentException.class, () -> new PhysicsConfig(d.dragModel(), 1,
        d.ablation(), d.gravityModel(), false, Double.NaN, d.integration(), 1, d.legacy()));
    assertThrows(IllegalArgumentException.class, () -> new PhysicsConfig(d.dragModel(), 1,
        d.ablation(), d.gravityModel(), false, 0, d.integration(), 0, d.legacy()));
    assertThrows(IllegalArgumentException.class,
        () -> new PhysicsConfig.Ablation(true, null, 0, 0, 0));
    assertThrows(IllegalArgumentException.class,
        () -> new Integration(null, 0.1, 0.01, 1, 1e-6, 1e-3));
    assertThrows(IllegalArgumentException.class,
        () -> new Integration(IntegratorKind.RK4, 0, 0.01, 1, 1e-6, 1e-3));
    assertThrows(IllegalArgumentException.class,
        () -> new Integration(IntegratorKind.RK4, 0.1, 2, 1, 1e-6, 1e-3));
    assertThrows(IllegalArgumentException.class,
        () -> new Integration(IntegratorKind.RK4, 0.1, 0.01, 1, 0, 1e-3));
  }

  @Test
  void atmosLevelValidation() {
    assertThrows(IllegalArgumentException.class, () -> AtmosLevel.of(Double.NaN, 1e5, 288, 0,
        0));
    assertThrows(IllegalArgumentException.class, () -> AtmosLevel.of(0, 0, 288, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> AtmosLevel.of(0, 1e5, -1, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> AtmosLevel.of(0, 1e5, 288,
        Double.NaN, 0));
  }

  @Test
  void flightStateValidationAndViews() {
    Vector3D r = new Vector3D(6_378_137.0 + 1000, 0, 0);
    Vector3D v = new Vector3D(-10, 20, 30);
    FlightState s = new FlightState(Instant.EPOCH, 1.5, r, v, 2.0);
    assertThat(s.heightM(), closeTo(1000, 1e-6));
    assertThat(s.timeUtc(), is(Instant.EPOCH.plusMillis(1500)));
    Vector3D enu = s.velocityEnuMps(); // at (0°, 0°): east = y, north = z, up = x
    assertThat(enu.distance(new Vector3D(20, 30, -10)), closeTo(0, 1e-12));
    assertThrows(IllegalArgumentException.class, () -> new FlightState(null, 0, r, v, 1));
    assertThrows(IllegalArgumentException.class,
        () -> new FlightState(Instant.EPOCH, Double.NaN, r, v, 1));
    assertThrows(IllegalArgumentException.class, () -> new FlightState(Instant.EPOCH, 0,
        new Vector3D(Double.NaN, 0, 0), v, 1));
    assertThrows(IllegalArgumentException.class, () -> new FlightState(Instant.EPOCH, 0, r,
        new Vector3D(0, Double.POSITIVE_INFINITY, 0), 1));
    assertThrows(IllegalArgumentException.class, () -> new FlightState(Instant.EPOCH, 0, r,
        new Vector3D(0, 0, Double.NaN), 1));
    assertThrows(IllegalArgumentException.class, () -> new FlightState(Instant.EPOCH, 0, r, v,
        0));
    assertThrows(IllegalArgumentException.class, () -> new ForceModels(null, null, null));
  }
}
