package org.darkflight.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.PhysicsConfig.IntegratorKind;
import org.darkflight.physics.atmosphere.AtmosLevel;
import org.darkflight.physics.atmosphere.AtmosphereState;
import org.darkflight.physics.atmosphere.ProfileAtmosphere;
import org.darkflight.physics.atmosphere.StandardAtmosphere1976;
import org.darkflight.physics.models.PhysicsModels;
import org.darkflight.physics.trajectory.DarkflightSimulator;
import org.darkflight.physics.trajectory.Landing;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to land one 1 kg stony fragment (3500 kg/m³, sphere, C_d 1.0, Mach-regime drag,
 * WGS84 normal gravity, Earth rotation on) from a luminous end at 25 km, 3 km/s, 45° entry,
 * through a sounding-like profile (every 500 m to 30 km; USSA76 temperatures + 3 K, a 45 m/s
 * westerly jet at 11 km, veering winds) with USSA76 fill above.
 *
 * <p>{@code rk4} at dt 0.05 s; {@code rkf45} with rtol 1e-9, atol 1 mm and steps between 1 ms
 * and 5 s; {@code rkf45DefaultSteps} with the spec's sample bounds 0.005–0.2 s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IntegratorBenchmark {

  private DarkflightSimulator rk4;
  private DarkflightSimulator rkf45;
  private DarkflightSimulator rkf45DefaultSteps;
  private DarkflightSimulator semiImplicit;
  private LuminousEnd start;
  private Fragment fragment;

  /** A realistic sounding-like profile. */
  static List<AtmosLevel> profile() {
    List<AtmosLevel> levels = new ArrayList<>();
    for (int i = 0; i <= 60; i++) {
      double z = 500.0 * i;
      AtmosphereState s = StandardAtmosphere1976.INSTANCE.at(z);
      double speed = 8.0 + 37.0 * Math.exp(-Math.pow((z - 11_000) / 4_500, 2));
      double fromDeg = 230.0 + 40.0 * Math.tanh((z - 6_000) / 5_000); // veering with height
      double u = -speed * Math.sin(Math.toRadians(fromDeg));
      double v = -speed * Math.cos(Math.toRadians(fromDeg));
      levels.add(AtmosLevel.of(z, s.pressurePa(), s.temperatureK() + 3.0, u, v));
    }
    return levels;
  }

  private static PhysicsConfig config(IntegratorKind kind, double dt, double dtMin,
      double dtMax) {
    return new PhysicsConfig(PhysicsConfig.DragModelKind.MACH_REGIME, 1.0,
        PhysicsConfig.Ablation.off(), PhysicsConfig.GravityModelKind.WGS84_LOCAL, true, 0.0,
        new PhysicsConfig.Integration(kind, dt, dtMin, dtMax, 1e-9, 1e-3), 1.0,
        PhysicsConfig.LegacyMode.NONE);
  }

  @Setup
  public void setUp() {
    ProfileAtmosphere air = new ProfileAtmosphere(profile());
    rk4 = PhysicsModels.simulator(air, config(IntegratorKind.RK4, 0.05, 0.005, 0.2));
    rkf45 = PhysicsModels.simulator(air, config(IntegratorKind.RKF45, 0.05, 0.001, 5.0));
    rkf45DefaultSteps = PhysicsModels.simulator(air,
        config(IntegratorKind.RKF45, 0.05, 0.005, 0.2));
    semiImplicit = PhysicsModels.simulator(air,
        config(IntegratorKind.SEMI_IMPLICIT, 0.01, 0.005, 0.2));
    start = new LuminousEnd(Instant.parse("2024-01-01T00:00:00Z"), -31.0, 136.0, 25_000.0,
        3_000.0, 120.0, 45.0);
    fragment = new Fragment("bench", 1.0, 3500.0, 1.0, Fragment.SPHERE_SHAPE_FACTOR);
  }

  @Benchmark
  public Landing rk4() {
    return rk4.land(start, fragment);
  }

  @Benchmark
  public Landing rkf45() {
    return rkf45.land(start, fragment);
  }

  @Benchmark
  public Landing rkf45DefaultSteps() {
    return rkf45DefaultSteps.land(start, fragment);
  }

  @Benchmark
  public Landing semiImplicit() {
    return semiImplicit.land(start, fragment);
  }
}
