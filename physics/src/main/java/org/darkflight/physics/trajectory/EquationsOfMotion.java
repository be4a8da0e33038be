package org.darkflight.physics.trajectory;

import org.darkflight.physics.Fragment;
import org.darkflight.physics.atmosphere.AtmosphereModel;
import org.darkflight.physics.atmosphere.AtmosphereState;
import org.darkflight.physics.geodesy.Wgs84;
import org.darkflight.physics.integrate.Integrator;
import org.hipparchus.ode.OrdinaryDifferentialEquation;

/**
 * Equations of motion of a fragment in the Earth-fixed (ECEF) frame. State
 * y = (x, y, z, vx, vy, vz, m): ECEF position (m), Earth-relative velocity (m/s), mass (kg).
 *
 * <p>dr/dt = v;
 * dv/dt = g(φ, h) − ½ ρ C_d S |v_rel| v_rel / m [− 2 ω × v];
 * dm/dt = ablation(S, ρ, |v_rel|, C_d) ≤ 0; with v_rel = v − w (w the wind, given in local
 * east-north-up and rotated to ECEF), S = A (m/ρ_m)^{2/3} (Ceplecha et al. 1998), Mach = |v_rel|/a,
 * Re = ρ |v_rel| D / μ with D the equivalent-sphere diameter. Gravity is effective (normal)
 * gravity, which already holds the centrifugal acceleration; the Coriolis term −2ω×v
 * (ω = ω_E ẑ) is added when Earth rotation is enabled. The air is taken at the ellipsoidal
 * height h (geoid undulation ignored, docs/MODEL_ASSUMPTIONS.md).
 *
 * <p>Implements both the allocation-free {@link Integrator.Derivatives} used by this project's
 * integrators and Hipparchus' {@link OrdinaryDifferentialEquation}, so any Hipparchus integrator
 * can integrate the same system (the tests use that as an independent reference). Instances
 * hold scratch arrays and the diagnostics of the last evaluation: one per integration, not
 * thread-safe.
 */
public final class EquationsOfMotion implements Integrator.Derivatives,
    OrdinaryDifferentialEquation {

  /** Number of state components. */
  public static final int DIMENSION = 7;

  private final AtmosphereModel atmosphere;
  private final ForceModels models;
  private final boolean earthRotation;
  private final Fragment fragment;
  private final double shapeFactor;
  private final double densityKgM3;
  private final double[] geo = new double[5];
  private final double[] gravity = new double[3];

  private double cachedMass = Double.NaN;
  private double cachedArea;
  private double cachedDiameter;
  private double lastMach;
  private double lastCd;
  private double lastAirDensity;
  private double lastGravity;
  private double lastHeight;
  private double lastDragRate;

  /**
   * @param atmosphere    the air
   * @param models        drag, gravity and ablation models
   * @param earthRotation add the Coriolis acceleration of the rotating Earth-fixed frame
   * @param fragment      the body (its density, C_d and shape; the mass comes from the state)
   */
  public EquationsOfMotion(AtmosphereModel atmosphere, ForceModels models, boolean earthRotation,
      Fragment fragment) {
    this.atmosphere = atmosphere;
    this.models = models;
    this.earthRotation = earthRotation;
    this.fragment = fragment;
    this.shapeFactor = fragment.shapeFactor();
    this.densityKgM3 = fragment.densityKgM3();
  }

  @Override
  public int getDimension() {
    return DIMENSION;
  }

  @Override
  public double[] computeDerivatives(double t, double[] y) {
    double[] yDot = new double[DIMENSION];
    compute(t, y, yDot);
    return yDot;
  }

  @Override
  public void compute(double t, double[] y, double[] yDot) {
    Wgs84.toGeodetic(y[0], y[1], y[2], geo);
    double sinLat = geo[0];
    double cosLat = geo[1];
    double sinLon = geo[2];
    double cosLon = geo[3];
    double h = geo[4];
    AtmosphereState air = atmosphere.at(h);

    // Wind from local east-north-up to ECEF.
    double we = air.windEastMps();
    double wn = air.windNorthMps();
    double wu = air.windUpMps();
    double windX = -sinLon * we - sinLat * cosLon * wn + cosLat * cosLon * wu;
    double windY = cosLon * we - sinLat * sinLon * wn + cosLat * sinLon * wu;
    double windZ = cosLat * wn + sinLat * wu;

    double vx = y[3];
    double vy = y[4];
    double vz = y[5];
    double rx = vx - windX;
    double ry = vy - windY;
    double rz = vz - windZ;
    double airSpeed = Math.sqrt(rx * rx + ry * ry + rz * rz);

    double m = y[6];
    if (m != cachedMass) {
      // ∛ is the costliest call here; without ablation the mass never changes
      double side = Math.cbrt(m / densityKgM3);
      cachedMass = m;
      cachedArea = shapeFactor * side * side;
      cachedDiameter = EQUIVALENT_DIAMETER_FACTOR * side;
    }
    double area = cachedArea;
    double diameter = cachedDiameter;
    double rho = air.densityKgM3();
    double mach = airSpeed / air.speedOfSoundMps();
    double reynolds = rho * airSpeed * diameter / air.viscosityPaS();
    double cd = models.drag().dragCoefficient(mach, reynolds, fragment);
    double k = 0.5 * rho * cd * area * airSpeed / m;

    models.gravity().accelerationEcef(sinLat, cosLat, sinLon, cosLon, h, gravity);
    double ax = gravity[0] - k * rx;
    double ay = gravity[1] - k * ry;
    double az = gravity[2] - k * rz;
    if (earthRotation) {
      // −2 ω × v with ω = (0, 0, ω_E).
      double twoOmega = 2.0 * Wgs84.OMEGA;
      ax += twoOmega * vy;
      ay -= twoOmega * vx;
    }
    yDot[0] = vx;
    yDot[1] = vy;
    yDot[2] = vz;
    yDot[3] = ax;
    yDot[4] = ay;
    yDot[5] = az;
    yDot[6] = models.ablation().massRateKgPerS(area, rho, airSpeed, cd, fragment);

    lastMach = mach;
    lastCd = cd;
    lastAirDensity = rho;
    lastGravity = Math.sqrt(gravity[0] * gravity[0] + gravity[1] * gravity[1]
        + gravity[2] * gravity[2]);
    lastHeight = h;
    lastDragRate = k;
  }

  /** ∛(6/π): diameter of the sphere of volume V is this times ∛V. */
  private static final double EQUIVALENT_DIAMETER_FACTOR = Math.cbrt(6.0 / Math.PI);

  /** Mach number at the last evaluated state. */
  public double lastMach() {
    return lastMach;
  }

  /** Drag coefficient at the last evaluated state. */
  public double lastDragCoefficient() {
    return lastCd;
  }

  /** Air density at the last evaluated state, kg/m³. */
  public double lastAirDensityKgM3() {
    return lastAirDensity;
  }

  /** Magnitude of gravity at the last evaluated state, m/s². */
  public double lastGravityMps2() {
    return lastGravity;
  }

  /**
   * Drag rate k = ρ C_d S |v_rel| / (2 m) at the last evaluated state, 1/s. The drag
   * acceleration −k v_rel has Jacobian eigenvalues −k across and −2k along the airspeed (for a
   * constant C_d), so 2k is the stiffness a fixed-step integrator must resolve.
   */
  public double lastDragRatePerS() {
    return lastDragRate;
  }

  /** Ellipsoidal height of the last evaluated state, m. */
  public double lastHeightM() {
    return lastHeight;
  }

  /** Cross-section S = A (m/ρ_m)^{2/3} at a mass, m². */
  public double crossSectionM2(double massKg) {
    double side = Math.cbrt(massKg / densityKgM3);
    return shapeFactor * side * side;
  }
}
