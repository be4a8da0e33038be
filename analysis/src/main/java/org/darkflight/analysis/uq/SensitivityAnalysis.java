package org.darkflight.analysis.uq;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.darkflight.analysis.ensemble.Distribution;
import org.darkflight.analysis.ensemble.EnsembleConfig;
import org.darkflight.analysis.ensemble.UncertainParameter;
import org.darkflight.analysis.sampling.EnsembleSample;
import org.darkflight.analysis.sampling.NominalInputs;
import org.darkflight.analysis.sampling.SampleFactory;
import org.darkflight.analysis.sampling.SamplingStrategies;
import org.darkflight.analysis.sampling.SamplingStrategy;
import org.darkflight.analysis.sampling.Substreams;

/**
 * Variance-based (Sobol) and one-at-a-time sensitivity of the landing position to each uncertain
 * parameter of an ensemble, per fragment hypothesis, from paired draws.
 *
 * <p><b>Design.</b> For fragment f (of F) and base row j (of N) the ensemble index is
 * i = j·F + f, so that the ensemble's own rule "sample i uses fragment i mod F" holds. Matrix A's
 * row is exactly the ensemble's sample i: the configured {@link SamplingStrategy}'s uniform draws
 * for (random_seed, i) in an ensemble of N·F samples, mapped by {@link SampleFactory} (same
 * distributions, same inverse CDFs, same per-level wind perturbation). Matrix B's row is the same
 * strategy's draws for seed {@link Substreams#key}(random_seed, {@link #B_TAG}) — an independent
 * design of the same kind (for Latin Hypercube, other permutations). A_B^(p) is A's row with the
 * uniform draws of factor p taken from B. Everything is a function of the seed: reruns are
 * identical.
 *
 * <p><b>Factors.</b> One per configured distribution (in the order of
 * {@link UncertainParameter}), plus, when the ensemble perturbs each profile level's wind, one
 * group factor {@value #WIND_LEVELS} holding all 2·L level draws (a group Sobol index).
 *
 * <p><b>Output.</b> The landing's east and north offsets (m) in the event plane; indices per axis
 * (reported in the along-track / cross-track axes of the nominal flight azimuth) and for the
 * vector (trace of the covariance, {@link SobolIndices#fromOutputs}). A row whose landing fails in
 * any of its k + 2 runs is dropped from every factor so that the pairs stay paired.
 *
 * <p><b>One at a time.</b> All draws at their median (u = ½) give the nominal landing; factor p's
 * draws at u = Φ(±1) (the ±1σ quantiles for a normal, the same probabilities for other
 * distributions) give two landings; the effect is half their distance ("shift per 1σ").
 *
 * <p>The N·F·(k + 2) + F·(2k + 1) landings run in a plain parallel loop (a fork-join pool);
 * each result is stored at its own index, so the output does not depend on the scheduling.
 */
public final class SensitivityAnalysis {

  /** Tag of the B design's seed. */
  public static final long B_TAG = 0x5EB501L;
  /** Tag of the bootstrap's seed. */
  public static final long BOOTSTRAP_TAG = 0xB0075L;
  /** Name of the group factor of the per-level wind perturbations. */
  public static final String WIND_LEVELS = "wind_level_perturbation";
  /** Standard normal CDF at +1: Φ(1). */
  static final double PHI_PLUS_1 = 0.8413447460685429;

  /**
   * The landing of one sample: {east m, north m, final mass kg}, or null (or an exception) when
   * the sample fails. Must be thread-safe and a pure function of the sample.
   */
  @FunctionalInterface
  public interface LandingModel {
    double[] land(EnsembleSample sample);
  }

  /** An input factor: a name, a unit, and the uniform-draw dimensions it owns. */
  public record Factor(String name, String unit, int[] dimensions) {}

  /** The sensitivity of the landing to one factor. */
  public record FactorResult(Factor factor, double firstOrder, double[] firstOrderCi95,
      double total, double[] totalCi95, double alongFirstOrder, double crossFirstOrder,
      double alongTotal, double crossTotal, double oatShiftM, double oatPlusShiftM,
      double oatMinusShiftM) {}

  /**
   * The result of one fragment hypothesis.
   *
   * @param nominalLanding {east m, north m, final mass kg} at the median draws (null: failed)
   * @param rows           base rows drawn
   * @param rowsUsed       rows whose k + 2 landings all succeeded
   * @param varianceAlongM2 variance of the along-track offset, m²
   * @param varianceCrossM2 variance of the cross-track offset, m²
   */
  public record FragmentResult(String fragmentId, double nominalMassKg, double[] nominalLanding,
      int rows, int rowsUsed, double varianceAlongM2, double varianceCrossM2,
      List<FactorResult> factors) {}

  private final EnsembleConfig design;
  private final SampleFactory factory;
  private final SamplingStrategy strategy;
  private final List<Factor> factors;
  private final int rows;
  private final int bootstrap;
  private final double azimuthRad;

  /**
   * @param config    the ensemble configuration (its distributions, sampling and seed)
   * @param nominal   the nominal inputs (fragments in canonical order)
   * @param rows      base rows N per fragment (≥ 2)
   * @param bootstrap bootstrap resamples for the intervals (≥ 10)
   */
  public SensitivityAnalysis(EnsembleConfig config, NominalInputs nominal, int rows,
      int bootstrap) {
    if (rows < 2) {
      throw new IllegalArgumentException("need at least 2 base rows per fragment, got " + rows);
    }
    if (bootstrap < 10) {
      throw new IllegalArgumentException("need at least 10 bootstrap resamples, got "
          + bootstrap);
    }
    long total = (long) rows * nominal.fragmentCount();
    if (total > EnsembleConfig.MAX_SAMPLES) {
      throw new IllegalArgumentException("too many rows: " + total);
    }
    this.design = new EnsembleConfig(config.mode(), total, config.randomSeed(),
        config.sampling(), config.distributions(), config.windPerturbationSigmaScale(), null,
        config.massClassEdgesKg(), config.samplesPerElement(), config.kmlMaxPoints());
    this.factory = new SampleFactory(design, nominal);
    this.strategy = SamplingStrategies.byName(config.sampling());
    this.rows = rows;
    this.bootstrap = bootstrap;
    this.azimuthRad = Math.toRadians(nominal.luminousEnd().azimuthDeg());
    List<Factor> fs = new ArrayList<>();
    int d = 0;
    for (Map.Entry<UncertainParameter, Distribution> e : config.distributions().entrySet()) {
      fs.add(new Factor(e.getKey().jsonName(), unit(e.getKey()), new int[] {d}));
      d++;
    }
    if (factory.dimensions() > d) {
      int[] dims = IntStream.range(d, factory.dimensions()).toArray();
      fs.add(new Factor(WIND_LEVELS, "m/s", dims));
    }
    if (fs.isEmpty()) {
      throw new IllegalArgumentException(
          "the ensemble configuration makes nothing uncertain: no sensitivity to analyse");
    }
    this.factors = List.copyOf(fs);
  }

  /** The factors, in output order. */
  public List<Factor> factors() {
    return factors;
  }

  /** Landings the analysis runs: N·F·(k + 2) + F·(2k + 1). */
  public long landings() {
    int k = factors.size();
    int f = factory.nominal().fragmentCount();
    return (long) rows * f * (k + 2) + (long) f * (2L * k + 1);
  }

  /** The unit of a parameter's values. */
  public static String unit(UncertainParameter p) {
    return switch (p) {
      case MASS_KG -> "kg";
      case DENSITY_KGM3 -> "kg/m3";
      case CD, SHAPE_FACTOR, WIND_SCALE -> "1";
      case LAT, LON, AZIMUTH_DEG, ELEVATION_DEG -> "deg";
      case ALTITUDE_M -> "m";
      case SPEED_MPS -> "m/s";
    };
  }

  /**
   * Runs the analysis.
   *
   * @param threads parallelism of the landing loop (≥ 1)
   */
  public List<FragmentResult> run(LandingModel model, int threads) {
    int fragments = factory.nominal().fragmentCount();
    int k = factors.size();
    int dims = factory.dimensions();
    int perFragment = rows * (k + 2) + 2 * k + 1;
    int total = perFragment * fragments;
    double[][] out = new double[total][];
    ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
    try {
      pool.submit(() -> IntStream.range(0, total).parallel().forEach(t -> {
        out[t] = evaluate(model, t / perFragment, t % perFragment, k, dims);
      })).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("sensitivity loop failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdown();
    }
    List<FragmentResult> results = new ArrayList<>();
    for (int f = 0; f < fragments; f++) {
      results.add(summarise(f, out, f * perFragment, k));
    }
    return results;
  }

  /** Run t of fragment f: 0…N−1 A, N…2N−1 B, then A_B per factor, then OAT (nominal, ±). */
  private double[] evaluate(LandingModel model, int f, int t, int k, int dims) {
    int fragments = factory.nominal().fragmentCount();
    double[] u;
    long index;
    if (t < rows * (k + 2)) {
      int block = t / rows;
      int j = t % rows;
      index = (long) j * fragments + f;
      if (block == 1) {
        u = draws(Substreams.key(design.randomSeed(), B_TAG), index, dims);
      } else {
        u = draws(design.randomSeed(), index, dims);
        if (block >= 2) {
          double[] b = draws(Substreams.key(design.randomSeed(), B_TAG), index, dims);
          for (int d : factors.get(block - 2).dimensions()) {
            u[d] = b[d];
          }
        }
      }
    } else {
      int o = t - rows * (k + 2);
      index = f;
      u = new double[dims];
      java.util.Arrays.fill(u, 0.5);
      if (o > 0) {
        double p = (o - 1) % 2 == 0 ? PHI_PLUS_1 : 1 - PHI_PLUS_1;
        for (int d : factors.get((o - 1) / 2).dimensions()) {
          u[d] = p;
        }
      }
    }
    try {
      double[] r = model.land(factory.sample(index, u));
      if (r == null || !Double.isFinite(r[0]) || !Double.isFinite(r[1])) {
        return null;
      }
      return r;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private double[] draws(long seed, long index, int dims) {
    double[] u = new double[dims];
    strategy.unitDraws(seed, index, design.samples(), u);
    return u;
  }

  private double[] alongCross(double[] en) {
    double s = Math.sin(azimuthRad);
    double c = Math.cos(azimuthRad);
    return new double[] {en[0] * s + en[1] * c, en[0] * c - en[1] * s};
  }

  private FragmentResult summarise(int f, double[][] out, int base, int k) {
    double[][] fa = new double[rows][];
    double[][] fb = new double[rows][];
    double[][][] fab = new double[k][rows][];
    List<Integer> ok = new ArrayList<>();
    for (int j = 0; j < rows; j++) {
      boolean good = out[base + j] != null && out[base + rows + j] != null;
      for (int i = 0; i < k && good; i++) {
        good = out[base + (2 + i) * rows + j] != null;
      }
      if (!good) {
        continue;
      }
      ok.add(j);
      fa[j] = alongCross(out[base + j]);
      fb[j] = alongCross(out[base + rows + j]);
      for (int i = 0; i < k; i++) {
        fab[i][j] = alongCross(out[base + (2 + i) * rows + j]);
      }
    }
    int o = base + rows * (k + 2);
    double[] nominal = out[o];
    String id = factory.nominal().fragmentId(f);
    double mass = factory.nominal().fragment(f).massKg();
    List<FactorResult> list = new ArrayList<>();
    if (ok.size() < 2) {
      for (int i = 0; i < k; i++) {
        double[] oat = oat(nominal, out[o + 1 + 2 * i], out[o + 2 + 2 * i]);
        list.add(new FactorResult(factors.get(i), Double.NaN, new double[] {Double.NaN,
            Double.NaN}, Double.NaN, new double[] {Double.NaN, Double.NaN}, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, oat[0], oat[1], oat[2]));
      }
      return new FragmentResult(id, mass, nominal, rows, ok.size(), Double.NaN, Double.NaN,
          list);
    }
    int[] used = ok.stream().mapToInt(Integer::intValue).toArray();
    SobolIndices.VectorResult r = SobolIndices.fromOutputs(fa, fb, fab, used);
    double[][][] ci = SobolIndices.bootstrap(fa, fb, fab, used, bootstrap, 0.95,
        Substreams.forSample(Substreams.key(design.randomSeed(), BOOTSTRAP_TAG), f));
    for (int i = 0; i < k; i++) {
      double[] oat = oat(nominal, out[o + 1 + 2 * i], out[o + 2 + 2 * i]);
      list.add(new FactorResult(factors.get(i), r.firstOrder()[i], ci[i][0], r.total()[i],
          ci[i][1], r.firstOrderAxis()[i][0], r.firstOrderAxis()[i][1], r.totalAxis()[i][0],
          r.totalAxis()[i][1], oat[0], oat[1], oat[2]));
    }
    return new FragmentResult(id, mass, nominal, rows, used.length, r.varianceAxis()[0],
        r.varianceAxis()[1], list);
  }

  /** {half the ± distance, |+ − nominal|, |− − nominal|}, NaN where a landing failed. */
  private static double[] oat(double[] nominal, double[] plus, double[] minus) {
    return new double[] {dist(plus, minus) / 2, dist(plus, nominal), dist(minus, nominal)};
  }

  private static double dist(double[] a, double[] b) {
    if (a == null || b == null) {
      return Double.NaN;
    }
    return Math.hypot(a[0] - b[0], a[1] - b[1]);
  }
}
