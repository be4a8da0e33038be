package org.darkflight.analysis.atmos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.darkflight.io.atmos.source.AtmosphericRaw;
import org.darkflight.io.atmos.source.Geopotential;
import org.darkflight.physics.plugin.PluginManifest;
import org.darkflight.io.atmos.source.SourceKind;
import org.darkflight.io.atmos.source.SourceLevel;
import org.darkflight.io.atmos.source.SourceRequest;
import org.darkflight.physics.Constants;
import org.darkflight.physics.atmosphere.AtmosphereModel;
import org.darkflight.physics.atmosphere.AtmosphereState;
import org.darkflight.physics.atmosphere.StandardAtmosphere1976;
import org.darkflight.analysis.atmos.QcAnnotation.Codes;

/**
 * The default fusion (docs/atmosphere.md has the rules with their sources):
 * <ol>
 *   <li><b>Grid.</b> The levels of the reference source — the radiosonde closest to the event in
 *       time and space, else the model — plus the radar VAD levels; gaps wider than
 *       {@code maxGapM} get extra nodes, and nodes every {@code fillSpacingM} up to
 *       {@code topAltitudeM}.</li>
 *   <li><b>Per-source values.</b> Each source is interpolated to each node inside its own range
 *       (u, v, T linear in altitude, p linear in ln p — the hypsometric assumption of an
 *       isothermal layer); never extrapolated.</li>
 *   <li><b>Precedence and weights.</b> Inside a radar VAD band the radar winds override;
 *       elsewhere the sources are averaged with inverse-variance weights, each source's σ grown
 *       with its time offset and distance, so the closest source dominates. Sources that disagree
 *       beyond 3σ inflate the fused σ by their weighted spread.</li>
 *   <li><b>Fill.</b> Holes between data are interpolated; above the data T blends from the
 *       last value into USSA76 over {@code blendDepthM}, p follows hydrostatically
 *       ({@code p₂ = p₁ exp(−g₀ ΔH / (R T̄))} with T̄ the log-mean temperature of the layer, exact
 *       for T linear in geopotential height H), winds decay to calm; below the data USSA76 is
 *       shifted to match.</li>
 *   <li><b>Outliers.</b> Per-layer shear and lapse rate get robust z-scores
 *       {@code |x − median| / (1.4826 MAD)}; a single level bounded by two outlying layers of
 *       opposite sense is a spike and is replaced by its neighbours' interpolation; other
 *       outlying layers are flagged and their σ doubled.</li>
 *   <li><b>Shear smoothing.</b> Layers whose shear exceeds {@code shearLimitPerS} have their
 *       bounding levels passed through a 1-2-1 binomial filter (up to 5 passes).</li>
 * </ol>
 * Every step that changes data adds a QC annotation over the altitude band concerned.
 */
public final class DefaultAtmosFusion implements AtmosFusionStrategy {

  public static final String NAME = "default-atmos-fusion";
  public static final String VERSION = "1.0";
  private static final double EARTH_MEAN_RADIUS_KM = Constants.MEAN_EARTH_RADIUS_M / 1000.0;
  private static final int MAX_SMOOTHING_PASSES = 5;

  private final FusionConfig config;
  private final AtmosphereModel standard;

  /** Default settings and the US Standard Atmosphere 1976 as fill. */
  public DefaultAtmosFusion() {
    this(FusionConfig.DEFAULTS, StandardAtmosphere1976.INSTANCE);
  }

  public DefaultAtmosFusion(FusionConfig config) {
    this(config, StandardAtmosphere1976.INSTANCE);
  }

  /**
   * @param config   settings
   * @param standard the fill atmosphere (USSA76 in production)
   */
  public DefaultAtmosFusion(FusionConfig config, AtmosphereModel standard) {
    this.config = config;
    this.standard = standard;
  }

  @Override
  public PluginManifest manifest() {
    return new PluginManifest(NAME, VERSION, List.of("AtmosFusionStrategy"), null);
  }

  /** One source prepared for interpolation. */
  private static final class Src {
    final AtmosphericRaw raw;
    final double hours;
    final double km;
    final double[] zw;
    final double[] u;
    final double[] v;
    final double[] w;
    final double[] su;
    final double[] sv;
    final double[] zt;
    final double[] t;
    final double[] st;
    final double[] zp;
    final double[] lnp;

    Src(AtmosphericRaw raw, SourceRequest target) {
      this.raw = raw;
      this.hours = Duration.between(target.eventTime(), raw.validTime()).toMillis() / 3.6e6;
      this.km = distanceKm(target.latDeg(), target.lonDeg(), raw.latDeg(), raw.lonDeg());
      List<SourceLevel> wl = raw.levels().stream().filter(SourceLevel::hasWind).toList();
      List<SourceLevel> tl = raw.levels().stream().filter(SourceLevel::hasTemperature).toList();
      List<SourceLevel> pl = raw.levels().stream().filter(SourceLevel::hasPressure).toList();
      zw = wl.stream().mapToDouble(SourceLevel::altitudeM).toArray();
      u = wl.stream().mapToDouble(SourceLevel::windUMps).toArray();
      v = wl.stream().mapToDouble(SourceLevel::windVMps).toArray();
      w = wl.stream().mapToDouble(l -> Double.isNaN(l.windWMps()) ? 0 : l.windWMps()).toArray();
      su = wl.stream().mapToDouble(SourceLevel::sigmaUMps).toArray();
      sv = wl.stream().mapToDouble(SourceLevel::sigmaVMps).toArray();
      zt = tl.stream().mapToDouble(SourceLevel::altitudeM).toArray();
      t = tl.stream().mapToDouble(SourceLevel::temperatureK).toArray();
      st = tl.stream().mapToDouble(SourceLevel::sigmaTK).toArray();
      zp = pl.stream().mapToDouble(SourceLevel::altitudeM).toArray();
      lnp = pl.stream().mapToDouble(l -> Math.log(l.pressurePa())).toArray();
    }

    String id() {
      return raw.sourceId();
    }

    SourceKind kind() {
      return raw.kind();
    }
  }

  /** Inverse-variance combination result. */
  private record Combined(double value, double sigma, int dominant, boolean disagree) {}

  @Override
  public FusedProfile fuse(List<AtmosphericRaw> raws, SourceRequest target) {
    if (raws.isEmpty()) {
      throw new IllegalArgumentException("no atmospheric source given");
    }
    List<Src> srcs = new ArrayList<>();
    for (AtmosphericRaw r : raws) {
      srcs.add(new Src(r, target));
    }
    List<QcAnnotation> notes = new ArrayList<>();
    List<SourceSummary> summaries = new ArrayList<>();
    for (Src s : srcs) {
      summaries.add(new SourceSummary(s.id(), s.kind().label(), s.raw.file(), s.raw.validTime(),
          s.hours * 3600.0, s.km, s.raw.bottomM(), s.raw.topM(), s.raw.metadata()));
      String msg = String.format(Locale.ROOT, "%s (%s) valid %s, %+.2f h from the event, "
          + "%.1f km away, %.0f–%.0f m", s.id(), s.kind().label(), s.raw.validTime(), s.hours,
          s.km, s.raw.bottomM(), s.raw.topM());
      notes.add(new QcAnnotation(Codes.SOURCE_USED, QcAnnotation.INFO, s.raw.bottomM(),
          s.raw.topM(), s.id(), msg));
      if (Math.abs(s.hours) > config.distantHours() || s.km > config.distantKm()) {
        notes.add(new QcAnnotation(Codes.SOURCE_DISTANT, QcAnnotation.WARNING, s.raw.bottomM(),
            s.raw.topM(), s.id(), "source is far from the event (" + msg
                + "); its weight is reduced accordingly"));
      }
    }

    Src reference = reference(srcs);
    double[] z = grid(srcs, reference);
    int n = z.length;
    double[] u = new double[n];
    double[] v = new double[n];
    double[] w = new double[n];
    double[] su = new double[n];
    double[] sv = new double[n];
    double[] t = new double[n];
    double[] st = new double[n];
    double[] lnp = new double[n];
    String[] label = new String[n];
    List<Set<String>> flags = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      flags.add(new LinkedHashSet<>());
    }

    for (int i = 0; i < n; i++) {
      double zi = z[i];
      // winds: radar overrides inside its band
      List<Src> radar = new ArrayList<>();
      List<Src> other = new ArrayList<>();
      for (Src s : srcs) {
        if (covers(s.zw, zi)) {
          (s.kind() == SourceKind.RADAR_VAD ? radar : other).add(s);
        }
      }
      List<Src> windSrcs = radar.isEmpty() ? other : radar;
      if (windSrcs.isEmpty()) {
        u[i] = Double.NaN;
        v[i] = Double.NaN;
      } else {
        int m = windSrcs.size();
        double[] uu = new double[m];
        double[] vv = new double[m];
        double[] ww = new double[m];
        double[] sgu = new double[m];
        double[] sgv = new double[m];
        for (int k = 0; k < m; k++) {
          Src s = windSrcs.get(k);
          uu[k] = interp(s.zw, s.u, zi);
          vv[k] = interp(s.zw, s.v, zi);
          ww[k] = interp(s.zw, s.w, zi);
          double base = baseWindSigma(s.kind());
          double repU = interp(s.zw, s.su, zi);
          double repV = interp(s.zw, s.sv, zi);
          sgu[k] = grow(Double.isNaN(repU) ? base : repU, s, config.windSigmaPerHourMps(),
              config.windSigmaPer100KmMps());
          sgv[k] = grow(Double.isNaN(repV) ? base : repV, s, config.windSigmaPerHourMps(),
              config.windSigmaPer100KmMps());
        }
        Combined cu = combine(uu, sgu);
        Combined cv = combine(vv, sgv);
        Combined cw = combine(ww, sgu);
        u[i] = cu.value();
        v[i] = cv.value();
        w[i] = cw.value();
        su[i] = cu.sigma();
        sv[i] = cv.sigma();
        label[i] = windSrcs.get(cu.dominant()).id();
        if (!radar.isEmpty()) {
          flags.get(i).add(Codes.RADAR_OVERRIDE);
        }
        if (cu.disagree() || cv.disagree()) {
          flags.get(i).add(Codes.SOURCE_DISAGREEMENT);
        }
      }
      // temperature and pressure (radar has none)
      List<Src> tSrcs = new ArrayList<>();
      for (Src s : srcs) {
        if (covers(s.zt, zi) && covers(s.zp, zi)) {
          tSrcs.add(s);
        }
      }
      if (tSrcs.isEmpty()) {
        t[i] = Double.NaN;
        lnp[i] = Double.NaN;
      } else {
        int m = tSrcs.size();
        double[] tt = new double[m];
        double[] pp = new double[m];
        double[] sg = new double[m];
        for (int k = 0; k < m; k++) {
          Src s = tSrcs.get(k);
          tt[k] = interp(s.zt, s.t, zi);
          pp[k] = interp(s.zp, s.lnp, zi);
          double rep = interp(s.zt, s.st, zi);
          sg[k] = grow(Double.isNaN(rep) ? baseTSigma(s.kind()) : rep, s,
              config.tSigmaPerHourK(), config.tSigmaPer100KmK());
        }
        Combined ct = combine(tt, sg);
        t[i] = ct.value();
        st[i] = ct.sigma();
        lnp[i] = combine(pp, sg).value();
        if (ct.disagree()) {
          flags.get(i).add(Codes.SOURCE_DISAGREEMENT);
        }
      }
    }

    fillWind(z, u, v, w, su, sv, label, flags);
    boolean anyT = Arrays.stream(t).anyMatch(d -> !Double.isNaN(d));
    if (!anyT) {
      notes.add(new QcAnnotation(Codes.NO_THERMODYNAMIC_SOURCE, QcAnnotation.WARNING, z[0],
          z[n - 1], "ussa76", "no source gives temperature and pressure; both are the US "
              + "Standard Atmosphere 1976"));
    }
    fillThermo(z, t, st, lnp, flags);

    replaceSpikes(z, u, v, su, sv, t, st, flags);
    smoothShear(z, u, v, flags);

    List<FusedLevel> levels = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double p = Math.exp(lnp[i]);
      double rho = p / (Constants.GAS_CONSTANT_AIR * t[i]);
      levels.add(new FusedLevel(z[i], p, t[i], u[i], v[i], w[i], rho, su[i], sv[i], st[i],
          label[i], List.copyOf(flags.get(i))));
    }
    notes.addAll(bands(z, flags, label));
    notes.sort(Comparator.comparingDouble(QcAnnotation::altitudeMinM)
        .thenComparing(QcAnnotation::code).thenComparing(QcAnnotation::source));
    return new FusedProfile(target.eventTime(), target.latDeg(), target.lonDeg(), levels,
        reference.id(), summaries, notes, NAME + " " + VERSION);
  }

  // ---------------------------------------------------------------------------------- grid

  private Src reference(List<Src> srcs) {
    Comparator<Src> byPenalty = Comparator.comparingDouble(s ->
        Math.hypot(config.windSigmaPerHourMps() * s.hours,
            config.windSigmaPer100KmMps() * s.km / 100.0));
    for (SourceKind kind : new SourceKind[] {SourceKind.RADIOSONDE, SourceKind.MODEL,
        SourceKind.RADAR_VAD}) {
      Src best = srcs.stream().filter(s -> s.kind() == kind).min(byPenalty.thenComparing(Src::id))
          .orElse(null);
      if (best != null) {
        return best;
      }
    }
    return srcs.get(0);
  }

  private double[] grid(List<Src> srcs, Src reference) {
    TreeSet<Double> nodes = new TreeSet<>();
    for (SourceLevel l : reference.raw.levels()) {
      nodes.add(l.altitudeM());
    }
    for (Src s : srcs) {
      if (s.kind() == SourceKind.RADAR_VAD) {
        for (double zz : s.zw) {
          nodes.add(zz);
        }
      }
    }
    // merge near-duplicates (keep the lower)
    List<Double> merged = new ArrayList<>();
    for (double d : nodes) {
      if (merged.isEmpty() || d - merged.get(merged.size() - 1) >= config.minSpacingM()) {
        merged.add(d);
      }
    }
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < merged.size(); i++) {
      if (i > 0) {
        double a = merged.get(i - 1);
        double b = merged.get(i);
        int parts = (int) Math.ceil((b - a) / config.maxGapM());
        for (int k = 1; k < parts; k++) {
          out.add(a + (b - a) * k / parts);
        }
      }
      out.add(merged.get(i));
    }
    double top = out.get(out.size() - 1);
    double next = (Math.floor(top / config.fillSpacingM()) + 1) * config.fillSpacingM();
    if (next - top < config.minSpacingM()) {
      next += config.fillSpacingM();
    }
    for (double zz = next; zz < config.topAltitudeM(); zz += config.fillSpacingM()) {
      out.add(zz);
    }
    if (config.topAltitudeM() > out.get(out.size() - 1) + config.minSpacingM()) {
      out.add(config.topAltitudeM());
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  // ------------------------------------------------------------------------------- weights

  private double baseWindSigma(SourceKind kind) {
    return switch (kind) {
      case RADIOSONDE -> config.sondeSigmaWindMps();
      case MODEL -> config.modelSigmaWindMps();
      case RADAR_VAD -> config.radarSigmaWindMps();
      case STANDARD_ATMOSPHERE -> config.fillSigmaWindMps();
    };
  }

  private double baseTSigma(SourceKind kind) {
    return switch (kind) {
      case RADIOSONDE -> config.sondeSigmaTK();
      case MODEL -> config.modelSigmaTK();
      case RADAR_VAD, STANDARD_ATMOSPHERE -> config.fillSigmaTK();
    };
  }

  /** σ² = base² + (perHour·|Δt|)² + (per100km·d/100)². */
  private static double grow(double base, Src s, double perHour, double per100Km) {
    double a = perHour * s.hours;
    double b = per100Km * s.km / 100.0;
    return Math.sqrt(base * base + a * a + b * b);
  }

  /**
   * Inverse-variance weighted mean; σ = (Σ 1/σᵢ²)^(−1/2). If any value lies more than 3σᵢ from
   * the mean the sources disagree and the weighted spread is added in quadrature.
   */
  static Combined combineValues(double[] x, double[] sigma) {
    double sw = 0;
    double swx = 0;
    int dominant = 0;
    for (int k = 0; k < x.length; k++) {
      double wk = 1.0 / (sigma[k] * sigma[k]);
      sw += wk;
      swx += wk * x[k];
      if (sigma[k] < sigma[dominant]) {
        dominant = k;
      }
    }
    double mean = swx / sw;
    double s = Math.sqrt(1.0 / sw);
    boolean disagree = false;
    double spread = 0;
    for (int k = 0; k < x.length; k++) {
      double d = x[k] - mean;
      spread += d * d / (sigma[k] * sigma[k]);
      disagree |= Math.abs(d) > 3 * sigma[k];
    }
    if (disagree) {
      s = Math.sqrt(s * s + spread / sw);
    }
    return new Combined(mean, s, dominant, disagree);
  }

  private static Combined combine(double[] x, double[] sigma) {
    return combineValues(x, sigma);
  }

  // ---------------------------------------------------------------------------------- fill

  private void fillWind(double[] z, double[] u, double[] v, double[] w, double[] su,
      double[] sv, String[] label, List<Set<String>> flags) {
    int n = z.length;
    int first = -1;
    int last = -1;
    for (int i = 0; i < n; i++) {
      if (!Double.isNaN(u[i])) {
        first = first < 0 ? i : first;
        last = i;
      }
    }
    if (first < 0) {
      for (int i = 0; i < n; i++) {
        u[i] = 0;
        v[i] = 0;
        w[i] = 0;
        su[i] = config.fillSigmaWindMps();
        sv[i] = config.fillSigmaWindMps();
        label[i] = "ussa76";
        flags.get(i).add(Codes.STD_ATMOSPHERE_FILL);
      }
      return;
    }
    for (int i = first + 1; i < last; i++) {
      if (Double.isNaN(u[i])) {
        int a = i - 1;
        int b = i + 1;
        while (Double.isNaN(u[b])) {
          b++;
        }
        double f = (z[i] - z[a]) / (z[b] - z[a]);
        u[i] = u[a] + f * (u[b] - u[a]);
        v[i] = v[a] + f * (v[b] - v[a]);
        w[i] = w[a] + f * (w[b] - w[a]);
        su[i] = Math.max(su[a], su[b]);
        sv[i] = Math.max(sv[a], sv[b]);
        label[i] = "interpolated";
        flags.get(i).add(Codes.GAP_FILLED);
      }
    }
    for (int i = last + 1; i < n; i++) {
      double f = Math.min(1.0, (z[i] - z[last]) / config.blendDepthM());
      u[i] = u[last] * (1 - f);
      v[i] = v[last] * (1 - f);
      w[i] = 0;
      su[i] = su[last] + f * (config.fillSigmaWindMps() - su[last]);
      sv[i] = sv[last] + f * (config.fillSigmaWindMps() - sv[last]);
      label[i] = "ussa76";
      flags.get(i).add(Codes.STD_ATMOSPHERE_FILL);
    }
    for (int i = 0; i < first; i++) {
      double f = Math.min(1.0, (z[first] - z[i]) / config.blendDepthM());
      u[i] = u[first];
      v[i] = v[first];
      w[i] = 0;
      su[i] = su[first] + f * (config.fillSigmaWindMps() - su[first]);
      sv[i] = sv[first] + f * (config.fillSigmaWindMps() - sv[first]);
      label[i] = "ussa76";
      flags.get(i).add(Codes.STD_ATMOSPHERE_FILL);
    }
  }

  private void fillThermo(double[] z, double[] t, double[] st, double[] lnp,
      List<Set<String>> flags) {
    int n = z.length;
    int first = -1;
    int last = -1;
    for (int i = 0; i < n; i++) {
      if (!Double.isNaN(t[i])) {
        first = first < 0 ? i : first;
        last = i;
      }
    }
    if (first < 0) {
      for (int i = 0; i < n; i++) {
        AtmosphereState s = standard.at(z[i]);
        t[i] = s.temperatureK();
        lnp[i] = Math.log(s.pressurePa());
        st[i] = config.fillSigmaTK();
        flags.get(i).add(Codes.STD_ATMOSPHERE_FILL);
      }
      return;
    }
    for (int i = first + 1; i < last; i++) {
      if (Double.isNaN(t[i])) {
        int a = i - 1;
        int b = i + 1;
        while (Double.isNaN(t[b])) {
          b++;
        }
        double f = (z[i] - z[a]) / (z[b] - z[a]);
        t[i] = t[a] + f * (t[b] - t[a]);
        lnp[i] = lnp[a] + f * (lnp[b] - lnp[a]);
        st[i] = Math.max(st[a], st[b]);
        flags.get(i).add(Codes.GAP_FILLED);
      }
    }
    double dTop = t[last] - standard.at(z[last]).temperatureK();
    for (int i = last + 1; i < n; i++) {
      double f = Math.min(1.0, (z[i] - z[last]) / config.blendDepthM());
      t[i] = standard.at(z[i]).temperatureK() + dTop * (1 - f);
      lnp[i] = hydrostatic(lnp[i - 1], t[i - 1], t[i], z[i - 1], z[i]);
      st[i] = st[last] + f * (config.fillSigmaTK() - st[last]);
      flags.get(i).add(Codes.STD_ATMOSPHERE_FILL);
    }
    double dBottom = t[first] - standard.at(z[first]).temperatureK();
    for (int i = first - 1; i >= 0; i--) {
      double f = Math.min(1.0, (z[first] - z[i]) / config.blendDepthM());
      t[i] = standard.at(z[i]).temperatureK() + dBottom;
      lnp[i] = hydrostatic(lnp[i + 1], t[i + 1], t[i], z[i + 1], z[i]);
      st[i] = st[first] + f * (config.fillSigmaTK() - st[first]);
      flags.get(i).add(Codes.STD_ATMOSPHERE_FILL);
    }
  }

  /**
   * ln p at z₂ from ln p at z₁ by the hypsometric equation in geopotential height with the
   * log-mean temperature of the layer, exact for T linear in H (USSA76 eq. 33a in the limit).
   */
  static double hydrostatic(double lnp1, double t1, double t2, double z1, double z2) {
    double h1 = Geopotential.geopotentialHeightFromGeometric(z1);
    double h2 = Geopotential.geopotentialHeightFromGeometric(z2);
    double tMean = Math.abs(t2 - t1) < 1e-9 ? t1 : (t2 - t1) / Math.log(t2 / t1);
    return lnp1 - Constants.STANDARD_GRAVITY_MPS2 * (h2 - h1)
        / (Constants.GAS_CONSTANT_AIR * tMean);
  }

  // ------------------------------------------------------------------------------ outliers

  /** Median of a copy. */
  static double median(double[] x) {
    double[] c = x.clone();
    Arrays.sort(c);
    int m = c.length / 2;
    return c.length % 2 == 1 ? c[m] : 0.5 * (c[m - 1] + c[m]);
  }

  /** Robust z-scores |x − med| / (1.4826 MAD) with a floor on the scale. */
  static double[] robustZ(double[] x, double floor) {
    double med = median(x);
    double[] dev = new double[x.length];
    for (int k = 0; k < x.length; k++) {
      dev[k] = Math.abs(x[k] - med);
    }
    double scale = Math.max(1.4826 * median(dev), floor);
    double[] zs = new double[x.length];
    for (int k = 0; k < x.length; k++) {
      zs[k] = dev[k] / scale;
    }
    return zs;
  }

  private void replaceSpikes(double[] z, double[] u, double[] v, double[] su, double[] sv,
      double[] t, double[] st, List<Set<String>> flags) {
    int n = z.length;
    if (n < 5) {
      return;
    }
    // only layers between measured (not filled) levels take part
    boolean[] measured = new boolean[n];
    for (int i = 0; i < n; i++) {
      measured[i] = !flags.get(i).contains(Codes.STD_ATMOSPHERE_FILL)
          && !flags.get(i).contains(Codes.GAP_FILLED);
    }
    int layers = n - 1;
    double[] shear = new double[layers];
    double[] lapse = new double[layers];
    for (int i = 0; i < layers; i++) {
      double dz = z[i + 1] - z[i];
      shear[i] = Math.hypot(u[i + 1] - u[i], v[i + 1] - v[i]) / dz;
      lapse[i] = -(t[i + 1] - t[i]) / dz * 1000.0;
    }
    double[] zShear = robustZ(shear, 1e-3);
    double[] zLapse = robustZ(lapse, 1.0);
    double medLapse = median(lapse);
    boolean[] shearOut = new boolean[layers];
    boolean[] lapseOut = new boolean[layers];
    for (int i = 0; i < layers; i++) {
      boolean inData = measured[i] && measured[i + 1];
      shearOut[i] = inData && zShear[i] > config.outlierZ()
          && shear[i] > config.minOutlierShearPerS();
      lapseOut[i] = inData && zLapse[i] > config.outlierZ()
          && Math.abs(lapse[i] - medLapse) > config.minOutlierLapseKPerKm();
    }
    boolean[] handledShear = new boolean[layers];
    boolean[] handledLapse = new boolean[layers];
    for (int i = 1; i < n - 1; i++) {
      double f = (z[i] - z[i - 1]) / (z[i + 1] - z[i - 1]);
      if (shearOut[i - 1] && shearOut[i]) {
        double du1 = u[i] - u[i - 1];
        double du2 = u[i + 1] - u[i];
        double dv1 = v[i] - v[i - 1];
        double dv2 = v[i + 1] - v[i];
        if (du1 * du2 + dv1 * dv2 < 0) {
          double nu = u[i - 1] + f * (u[i + 1] - u[i - 1]);
          double nv = v[i - 1] + f * (v[i + 1] - v[i - 1]);
          su[i] = Math.hypot(su[i], u[i] - nu);
          sv[i] = Math.hypot(sv[i], v[i] - nv);
          u[i] = nu;
          v[i] = nv;
          flags.get(i).add(Codes.OUTLIER_REPLACED);
          handledShear[i - 1] = true;
          handledShear[i] = true;
        }
      }
      if (lapseOut[i - 1] && lapseOut[i]
          && (t[i] - t[i - 1]) * (t[i + 1] - t[i]) < 0) {
        double nt = t[i - 1] + f * (t[i + 1] - t[i - 1]);
        st[i] = Math.hypot(st[i], t[i] - nt);
        t[i] = nt;
        flags.get(i).add(Codes.OUTLIER_REPLACED);
        handledLapse[i - 1] = true;
        handledLapse[i] = true;
      }
    }
    for (int i = 0; i < layers; i++) {
      if (shearOut[i] && !handledShear[i]) {
        for (int k = i; k <= i + 1; k++) {
          if (flags.get(k).add(Codes.OUTLIER_FLAGGED)) {
            su[k] *= 2;
            sv[k] *= 2;
          }
        }
      }
      if (lapseOut[i] && !handledLapse[i]) {
        for (int k = i; k <= i + 1; k++) {
          if (flags.get(k).add(Codes.OUTLIER_FLAGGED)) {
            st[k] *= 2;
          }
        }
      }
    }
  }

  private void smoothShear(double[] z, double[] u, double[] v, List<Set<String>> flags) {
    int n = z.length;
    for (int pass = 0; pass < MAX_SMOOTHING_PASSES; pass++) {
      boolean[] mark = new boolean[n];
      boolean any = false;
      for (int i = 0; i < n - 1; i++) {
        double shear = Math.hypot(u[i + 1] - u[i], v[i + 1] - v[i]) / (z[i + 1] - z[i]);
        if (shear > config.shearLimitPerS()) {
          mark[i] = true;
          mark[i + 1] = true;
          any = true;
        }
      }
      if (!any) {
        return;
      }
      double[] nu = u.clone();
      double[] nv = v.clone();
      for (int i = 1; i < n - 1; i++) {
        if (mark[i]) {
          nu[i] = 0.25 * u[i - 1] + 0.5 * u[i] + 0.25 * u[i + 1];
          nv[i] = 0.25 * v[i - 1] + 0.5 * v[i] + 0.25 * v[i + 1];
          flags.get(i).add(Codes.SHEAR_SMOOTHED);
        }
      }
      System.arraycopy(nu, 0, u, 0, n);
      System.arraycopy(nv, 0, v, 0, n);
    }
  }

  // ----------------------------------------------------------------------------- annotations

  private List<QcAnnotation> bands(double[] z, List<Set<String>> flags, String[] label) {
    String[][] codes = {
        {Codes.STD_ATMOSPHERE_FILL, QcAnnotation.WARNING,
            "no source reaches here; US Standard Atmosphere 1976 blended from the last data "
                + "level (T), hydrostatic pressure, winds decaying to calm"},
        {Codes.GAP_FILLED, QcAnnotation.WARNING,
            "hole between sources; values interpolated linearly in altitude (p in ln p)"},
        {Codes.RADAR_OVERRIDE, QcAnnotation.INFO,
            "radar VAD winds override the other sources in their altitude band"},
        {Codes.SOURCE_DISAGREEMENT, QcAnnotation.WARNING,
            "sources disagree by more than 3 sigma; fused sigma inflated by their spread"},
        {Codes.OUTLIER_REPLACED, QcAnnotation.WARNING,
            "single-level spike in shear or lapse rate (robust z-score) replaced by its "
                + "neighbours' interpolation"},
        {Codes.OUTLIER_FLAGGED, QcAnnotation.WARNING,
            "anomalous shear or lapse rate (robust z-score); kept, sigma doubled"},
        {Codes.SHEAR_SMOOTHED, QcAnnotation.INFO,
            "wind shear above the limit smoothed with a 1-2-1 filter"}};
    List<QcAnnotation> out = new ArrayList<>();
    for (String[] c : codes) {
      int i = 0;
      while (i < z.length) {
        if (!flags.get(i).contains(c[0])) {
          i++;
          continue;
        }
        int j = i;
        String src = c[0].equals(Codes.RADAR_OVERRIDE) ? label[i] : "";
        while (j + 1 < z.length && flags.get(j + 1).contains(c[0])
            && (!c[0].equals(Codes.RADAR_OVERRIDE) || label[j + 1].equals(src))) {
          j++;
        }
        String where = String.format(Locale.ROOT, " (%.0f–%.0f m, %d levels)", z[i], z[j],
            j - i + 1);
        out.add(new QcAnnotation(c[0], c[1], z[i], z[j],
            c[0].equals(Codes.STD_ATMOSPHERE_FILL) ? "ussa76" : src, c[2] + where));
        i = j + 1;
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------- util

  private static boolean covers(double[] zs, double z) {
    return zs.length > 0 && z >= zs[0] - 1e-9 && z <= zs[zs.length - 1] + 1e-9;
  }

  /** Linear interpolation inside [zs₀, zsₙ], NaN outside or where a value is NaN. */
  static double interp(double[] zs, double[] x, double z) {
    int n = zs.length;
    if (n == 0 || z < zs[0] - 1e-9 || z > zs[n - 1] + 1e-9) {
      return Double.NaN;
    }
    if (n == 1) {
      return x[0];
    }
    int k = Arrays.binarySearch(zs, z);
    if (k >= 0) {
      return x[k];
    }
    int hi = Math.min(Math.max(-k - 1, 1), n - 1);
    int lo = hi - 1;
    double f = (z - zs[lo]) / (zs[hi] - zs[lo]);
    return x[lo] + f * (x[hi] - x[lo]);
  }

  /** Great-circle distance (haversine, mean Earth radius), km. */
  static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double a = Math.sin(dp / 2) * Math.sin(dp / 2)
        + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * EARTH_MEAN_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
