package org.darkflight.physics.atmosphere;

import java.util.List;

/**
 * An atmosphere interpolated from a profile of levels sorted by altitude (a sounding, a model
 * column or a fused profile), filled by the US Standard Atmosphere 1976 outside the profile.
 *
 * <p>Inside the profile: pressure and density are interpolated linearly in their logarithm
 * (exact for an isothermal layer in hydrostatic balance by the hypsometric equation, J. M. Wallace
 * and P. V. Hobbs, Atmospheric Science, 2nd ed., 2006, §3.2), temperature and the wind components u, v, w linearly
 * in altitude. A level without density gets ρ = p / (R T). Speed of sound and viscosity follow
 * from the interpolated temperature ({@link AirProperties}).
 *
 * <p>Outside the profile: the quantity at the nearest end level is carried over with the
 * USSA76 shape (pressure and density scaled by the USSA76 ratio between the end level and the
 * altitude; temperature and winds held) and blended linearly into pure USSA76 (no wind) over
 * {@link #BLEND_DISTANCE_M}. The atmosphere is therefore continuous at the ends and is USSA76
 * far above (or below) the profile.
 */
public final class ProfileAtmosphere implements AtmosphereModel {

  /** Vertical distance over which the profile is blended into USSA76 outside its range, m. */
  public static final double BLEND_DISTANCE_M = 5_000.0;

  private static final StandardAtmosphere1976 FILL = StandardAtmosphere1976.INSTANCE;

  private final double[] altitudeM;
  private final double[] logPressure;
  private final double[] logDensity;
  private final double[] temperatureK;
  private final double[] windU;
  private final double[] windV;
  private final double[] windW;
  private final List<AtmosLevel> levels;

  /**
   * @param levels at least one level, strictly increasing in altitude
   * @throws IllegalArgumentException when empty, unsorted or with duplicate altitudes
   */
  public ProfileAtmosphere(List<AtmosLevel> levels) {
    if (levels == null || levels.isEmpty()) {
      throw new IllegalArgumentException("an atmospheric profile needs at least one level");
    }
    this.levels = List.copyOf(levels);
    int n = this.levels.size();
    altitudeM = new double[n];
    logPressure = new double[n];
    logDensity = new double[n];
    temperatureK = new double[n];
    windU = new double[n];
    windV = new double[n];
    windW = new double[n];
    for (int i = 0; i < n; i++) {
      AtmosLevel l = this.levels.get(i);
      if (i > 0 && !(l.altitudeM() > altitudeM[i - 1])) {
        throw new IllegalArgumentException("profile levels must be sorted by strictly increasing"
            + " altitude: level " + i + " at " + l.altitudeM() + " m follows " + altitudeM[i - 1]
            + " m");
      }
      altitudeM[i] = l.altitudeM();
      logPressure[i] = Math.log(l.pressurePa());
      double rho = l.densityKgM3();
      if (!(rho > 0) || !Double.isFinite(rho)) {
        rho = AirProperties.densityKgM3(l.pressurePa(), l.temperatureK());
      }
      logDensity[i] = Math.log(rho);
      temperatureK[i] = l.temperatureK();
      windU[i] = l.windUMps();
      windV[i] = l.windVMps();
      windW[i] = l.windWMps();
    }
  }

  /** The heights of the profile's levels, ascending, m. */
  @Override
  public double[] levelAltitudesM() {
    return altitudeM.clone();
  }

  @Override
  public String levelSource() {
    return "the " + altitudeM.length + " levels of the atmospheric profile";
  }

  /** The levels, in altitude order. */
  public List<AtmosLevel> levels() {
    return levels;
  }

  /** Altitude of the lowest level, m. */
  public double bottomAltitudeM() {
    return altitudeM[0];
  }

  /** Altitude of the highest level, m. */
  public double topAltitudeM() {
    return altitudeM[altitudeM.length - 1];
  }

  @Override
  public AtmosphereState at(double z) {
    return isInside(z) ? inside(z, upperIndex(z, -1)) : outside(z);
  }

  /** Whether z lies between the lowest and the highest level (inclusive). */
  private boolean isInside(double z) {
    return z >= altitudeM[0] && z <= altitudeM[altitudeM.length - 1];
  }

  /**
   * A cursor that remembers the layer of its last call and tries it (and its neighbours) first;
   * its results are identical to {@link #at}'s, since the layer of a height is unique.
   */
  @Override
  public AtmosphereModel forTrajectory() {
    return new AtmosphereModel() {
      private int layer = -1;

      @Override
      public AtmosphereState at(double z) {
        if (isInside(z)) {
          layer = upperIndex(z, layer);
          return inside(z, layer);
        }
        return outside(z);
      }
    };
  }

  /** The air at {@code z} outside the profile: the end level blended into USSA76. */
  private AtmosphereState outside(double z) {
    int n = altitudeM.length;
    int end = z > altitudeM[n - 1] ? n - 1 : 0;
    AtmosphereState fill = FILL.at(z);
    AtmosphereState fillAtEnd = FILL.at(altitudeM[end]);
    double wFill = Math.min(1.0, Math.abs(z - altitudeM[end]) / BLEND_DISTANCE_M);
    double wProfile = 1.0 - wFill;
    double t = wProfile * temperatureK[end] + wFill * fill.temperatureK();
    double logPressureRatio = Math.log(fill.pressurePa() / fillAtEnd.pressurePa());
    double logDensityRatio = Math.log(fill.densityKgM3() / fillAtEnd.densityKgM3());
    double lp = wProfile * (logPressure[end] + logPressureRatio)
        + wFill * Math.log(fill.pressurePa());
    double lr = wProfile * (logDensity[end] + logDensityRatio)
        + wFill * Math.log(fill.densityKgM3());
    return state(t, Math.exp(lp), Math.exp(lr), wProfile * windU[end], wProfile * windV[end],
        wProfile * windW[end]);
  }

  /** The air at {@code z} inside the profile, {@code i} = {@link #upperIndex}(z). */
  private AtmosphereState inside(double z, int i) {
    double t;
    double lp;
    double lr;
    double u;
    double v;
    double w;
    if (i == 0) {
      t = temperatureK[0];
      lp = logPressure[0];
      lr = logDensity[0];
      u = windU[0];
      v = windV[0];
      w = windW[0];
    } else {
      double f = (z - altitudeM[i - 1]) / (altitudeM[i] - altitudeM[i - 1]);
      t = lerp(temperatureK, i, f);
      lp = lerp(logPressure, i, f);
      lr = lerp(logDensity, i, f);
      u = lerp(windU, i, f);
      v = lerp(windV, i, f);
      w = lerp(windW, i, f);
    }
    return state(t, Math.exp(lp), Math.exp(lr), u, v, w);
  }

  /**
   * Index i of the first level with altitude ≥ z (z within the profile); {@code guess} (or -1),
   * if it or a neighbour is that index, saves the binary search.
   */
  private int upperIndex(double z, int guess) {
    if (guess >= 0) {
      if (isUpperIndex(guess, z)) {
        return guess;
      }
      if (isUpperIndex(guess - 1, z)) {
        return guess - 1;
      }
      if (isUpperIndex(guess + 1, z)) {
        return guess + 1;
      }
    }
    int lo = 0;
    int hi = altitudeM.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (altitudeM[mid] < z) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Whether g is the index of the first level with altitude ≥ z (levels strictly ascending). */
  private boolean isUpperIndex(int g, double z) {
    return g >= 0 && g < altitudeM.length && altitudeM[g] >= z
        && (g == 0 || altitudeM[g - 1] < z);
  }

  private static double lerp(double[] values, int i, double f) {
    return values[i - 1] + f * (values[i] - values[i - 1]);
  }

  private static AtmosphereState state(double t, double p, double rho, double u, double v,
      double w) {
    return new AtmosphereState(t, p, rho, AirProperties.speedOfSoundMps(t),
        AirProperties.viscosityPaS(t), u, v, w);
  }
}
