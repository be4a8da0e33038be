package org.darkflight.analysis.sampling;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.darkflight.analysis.ensemble.Distribution;
import org.darkflight.analysis.ensemble.EnsembleConfig;
import org.darkflight.analysis.ensemble.UncertainParameter;

/**
 * Builds sample i of an ensemble from the configuration, the nominal inputs and nothing else: a
 * pure function of (config, inputs, i), so any worker can build any sample, in any order, and get
 * the same draws.
 *
 * <p>Sample i uses fragment {@code i mod F} (F fragments in canonical order). Its uniform draws
 * come from the configured {@link SamplingStrategy}, one dimension per uncertain parameter (in
 * the order of {@link UncertainParameter}) followed by two per profile level (Δu, Δv) when
 * per-level wind perturbation is on; each draw goes through its distribution's inverse CDF,
 * centred on the nominal value unless the distribution gives its own location.
 */
public final class SampleFactory implements Serializable {

  private static final long serialVersionUID = 1L;

  private final EnsembleConfig config;
  private final NominalInputs nominal;
  private final SamplingStrategy strategy;
  private final UncertainParameter[] params;
  private final Distribution[] dists;
  private final boolean perturbLevels;
  private final int dimensions;

  public SampleFactory(EnsembleConfig config, NominalInputs nominal) {
    this.config = config;
    this.nominal = nominal;
    this.strategy = SamplingStrategies.byName(config.sampling());
    List<UncertainParameter> ps = new ArrayList<>();
    List<Distribution> ds = new ArrayList<>();
    for (Map.Entry<UncertainParameter, Distribution> e : config.distributions().entrySet()) {
      ps.add(e.getKey());
      ds.add(e.getValue());
    }
    params = ps.toArray(new UncertainParameter[0]);
    dists = ds.toArray(new Distribution[0]);
    perturbLevels = config.windPerturbationSigmaScale() > 0 && nominal.hasWindSigma();
    dimensions = params.length + (perturbLevels ? 2 * nominal.levelCount() : 0);
  }

  public EnsembleConfig config() {
    return config;
  }

  public NominalInputs nominal() {
    return nominal;
  }

  /** Number of uniform draws per sample. */
  public int dimensions() {
    return dimensions;
  }

  /** Sample {@code index} (in [0, samples)). */
  public EnsembleSample sample(long index) {
    if (index < 0 || index >= config.samples()) {
      throw new IllegalArgumentException(
          "sample index " + index + " outside [0, " + config.samples() + ")");
    }
    double[] u = new double[dimensions];
    strategy.unitDraws(config.randomSeed(), index, config.samples(), u);
    return sample(index, u);
  }

  /**
   * Sample {@code index} built from given uniform draws instead of the strategy's (one per
   * {@link #dimensions()}), through the same inverse CDFs; used by the sensitivity analysis to
   * swap columns between paired designs ({@code analysis.uq.SensitivityAnalysis}).
   */
  public EnsembleSample sample(long index, double[] u) {
    if (index < 0 || index >= config.samples() || u.length != dimensions) {
      throw new IllegalArgumentException("sample index " + index + " outside [0, "
          + config.samples() + ") or " + u.length + " draws for " + dimensions + " dimensions");
    }
    int f = (int) (index % nominal.fragmentCount());
    double[] v = new double[UncertainParameter.values().length];
    for (UncertainParameter p : UncertainParameter.values()) {
      v[p.ordinal()] = nominalValue(p, f);
    }
    for (int d = 0; d < params.length; d++) {
      v[params[d].ordinal()] = dists[d].quantile(u[d], v[params[d].ordinal()]);
    }
    double azimuth = v[UncertainParameter.AZIMUTH_DEG.ordinal()] % 360.0;
    if (azimuth < 0) {
      azimuth += 360.0;
    }
    List<Double> wind = Collections.emptyList();
    if (perturbLevels) {
      double scale = config.windPerturbationSigmaScale();
      List<Double> w = new ArrayList<>(2 * nominal.levelCount());
      for (int k = 0; k < nominal.levelCount(); k++) {
        int d = params.length + 2 * k;
        w.add(scale * nominal.sigmaU(k) * Distribution.standardNormalQuantile(u[d]) + 0.0);
        w.add(scale * nominal.sigmaV(k) * Distribution.standardNormalQuantile(u[d + 1]) + 0.0);
      }
      wind = Collections.unmodifiableList(w);
    }
    return EnsembleSample.builder()
        .setIndex(index)
        .setFragmentId(nominal.fragmentId(f))
        .setMassKg(v[UncertainParameter.MASS_KG.ordinal()])
        .setDensityKgM3(v[UncertainParameter.DENSITY_KGM3.ordinal()])
        .setCd(v[UncertainParameter.CD.ordinal()])
        .setShapeFactor(v[UncertainParameter.SHAPE_FACTOR.ordinal()])
        .setLatitudeDeg(v[UncertainParameter.LAT.ordinal()])
        .setLongitudeDeg(v[UncertainParameter.LON.ordinal()])
        .setAltitudeM(v[UncertainParameter.ALTITUDE_M.ordinal()])
        .setSpeedMps(v[UncertainParameter.SPEED_MPS.ordinal()])
        .setAzimuthDeg(azimuth)
        .setElevationDeg(v[UncertainParameter.ELEVATION_DEG.ordinal()])
        .setWindScale(v[UncertainParameter.WIND_SCALE.ordinal()])
        .setWindPerturbationMps(wind)
        .build();
  }

  private double nominalValue(UncertainParameter p, int f) {
    return switch (p) {
      case MASS_KG -> nominal.fragmentValue(f, 0);
      case DENSITY_KGM3 -> nominal.fragmentValue(f, 1);
      case CD -> nominal.fragmentValue(f, 2);
      case SHAPE_FACTOR -> nominal.fragmentValue(f, 3);
      case LAT -> nominal.luminousEndValue(0);
      case LON -> nominal.luminousEndValue(1);
      case ALTITUDE_M -> nominal.luminousEndValue(2);
      case SPEED_MPS -> nominal.luminousEndValue(3);
      case AZIMUTH_DEG -> nominal.luminousEndValue(4);
      case ELEVATION_DEG -> nominal.luminousEndValue(5);
      case WIND_SCALE -> 1.0;
    };
  }
}
