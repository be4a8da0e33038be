package org.darkflight.physics;

import java.time.Instant;
import java.util.List;
import org.darkflight.physics.atmosphere.AtmosLevel;
import org.darkflight.physics.atmosphere.AtmosphereModel;
import org.darkflight.physics.atmosphere.AtmosphereState;
import org.darkflight.physics.atmosphere.StandardAtmosphere1976;

/** Shared test inputs. */
public final class TestFixtures {

  private TestFixtures() {}

  public static final Instant EPOCH = Instant.parse("2024-03-01T12:00:00Z");

  /** A luminous end at 45° N, 10° E. */
  public static LuminousEnd luminousEnd(double altitudeM, double speedMps, double azimuthDeg,
      double elevationDeg) {
    return new LuminousEnd(EPOCH, 45.0, 10.0, altitudeM, speedMps, azimuthDeg, elevationDeg);
  }

  /** A stony fragment (3500 kg/m³, sphere). */
  public static Fragment stone(double massKg) {
    return new Fragment("f" + massKg, massKg, 3500.0, 1.0, Fragment.SPHERE_SHAPE_FACTOR);
  }

  /** A configuration with the given integrator and drag, constant gravity unless stated. */
  public static PhysicsConfig config(PhysicsConfig.IntegratorKind method, double dtS,
      PhysicsConfig.DragModelKind drag, PhysicsConfig.GravityModelKind gravity) {
    return new PhysicsConfig(drag, 1.0, PhysicsConfig.Ablation.off(), gravity, false, 0.0,
        new PhysicsConfig.Integration(method, dtS, 1e-4, 1.0, 1e-10, 1e-4), 1.0,
        PhysicsConfig.LegacyMode.NONE);
  }

  /** Uniform air: constant density, temperature and wind. */
  public static AtmosphereModel uniform(double densityKgM3, double windEastMps,
      double windNorthMps, double windUpMps) {
    AtmosphereState s = new AtmosphereState(288.15, 101325.0, densityKgM3, 340.29, 1.79e-5,
        windEastMps, windNorthMps, windUpMps);
    return altitudeM -> s;
  }

  /** A realistic profile: USSA76 pressure/temperature every 1 km to 30 km with a jet stream. */
  public static List<AtmosLevel> windProfile() {
    StandardAtmosphere1976 std = StandardAtmosphere1976.INSTANCE;
    java.util.ArrayList<AtmosLevel> levels = new java.util.ArrayList<>();
    for (int km = 0; km <= 30; km++) {
      double z = km * 1000.0;
      var s = std.at(z);
      // westerly jet peaking at 11 km (40 m/s), weak southerly component
      double u = 5.0 + 35.0 * Math.exp(-Math.pow((z - 11_000) / 5_000, 2));
      double v = 3.0 * Math.sin(z / 7_000);
      levels.add(AtmosLevel.of(z, s.pressurePa(), s.temperatureK() + 2.0, u, v));
    }
    return levels;
  }
}
