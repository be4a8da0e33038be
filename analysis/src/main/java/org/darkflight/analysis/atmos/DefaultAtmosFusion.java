package org.darkflight.analysis.atmos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
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

  /** One source's wind at a grid node, with its grown 1-σ. */
  private record WindSample(double u, double v, double w, double sigmaU, double sigmaV) {}

  /** One source's temperature and ln p at a grid node, with the grown 1-σ of T. */
  private record ThermoSample(double t, double lnp, double sigmaT) {}

  /** The wind sources at a node: the radar VAD ones if any (they override), else the others. */
  private record WindSources(List<Src> sources, boolean radarOverride) {}

  @Override
  public FusedProfile fuse(List<AtmosphericRaw> raws, SourceRequest target) {
    if (raws.isEmpty()) {
      throw new IllegalArgumentException("no atmospheric source given");
    }
    List<Src> srcs = collectSources(raws, target);
    List<QcAnnotation> notes = sourceNotes(srcs);
    Src reference = reference(srcs);
    List<WorkingLevel> levels = new ArrayList<>();
    for (double z : grid(srcs, reference)) {
      levels.add(merge(z, srcs));
    }
    fillWind(levels);
    if (levels.stream().noneMatch(WorkingLevel::hasTemperature)) {
      notes.add(new QcAnnotation(Codes.NO_THERMODYNAMIC_SOURCE, QcAnnotation.WARNING,
          levels.get(0).altitudeM, levels.get(levels.size() - 1).altitudeM, "ussa76",
          "no source gives temperature and pressure; both are the US Standard Atmosphere 1976"));
    }
    fillThermo(levels);
    replaceSpikes(levels);
    smoothShear(levels);

    List<FusedLevel> fused = levels.stream().map(WorkingLevel::toFusedLevel).toList();
    notes.addAll(bands(levels));
    notes.sort(Comparator.comparingDouble(QcAnnotation::altitudeMinM)
        .thenComparing(QcAnnotation::code).thenComparing(QcAnnotation::source));
    return new FusedProfile(target.eventTime(), target.latDeg(), target.lonDeg(), fused,
        reference.id(), summaries(srcs), notes, NAME + " " + VERSION);
  }

  // ------------------------------------------------------------------------------- sources

  /** Each source prepared for interpolation, with its time offset and distance. */
  private static List<Src> collectSources(List<AtmosphericRaw> raws, SourceRequest target) {
    List<Src> srcs = new ArrayList<>();
    for (AtmosphericRaw r : raws) {
      srcs.add(new Src(r, target));
    }
    return srcs;
  }

  private static List<SourceSummary> summaries(List<Src> srcs) {
    List<SourceSummary> summaries = new ArrayList<>();
    for (Src s : srcs) {
      summaries.add(new SourceSummary(s.id(), s.kind().label(), s.raw.file(), s.raw.validTime(),
          s.hours * 3600.0, s.km, s.raw.bottomM(), s.raw.topM(), s.raw.metadata()));
    }
    return summaries;
  }

  /** A {@code source_used} note per source, and {@code source_distant} for the far ones. */
  private List<QcAnnotation> sourceNotes(List<Src> srcs) {
    List<QcAnnotation> notes = new ArrayList<>();
    for (Src s : srcs) {
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
    return notes;
  }

  // --------------------------------------------------------------------------------- merge

  /** The node at {@code z} with the inverse-variance merge of every source covering it. */
  private WorkingLevel merge(double z, List<Src> srcs) {
    WorkingLevel l = new WorkingLevel(z);
    mergeWind(l, windSources(srcs, z));
    mergeThermo(l, srcs);
    return l;
  }

  /** Radar override: inside a radar VAD band only the radar winds count. */
  private static WindSources windSources(List<Src> srcs, double z) {
    List<Src> radar = new ArrayList<>();
    List<Src> other = new ArrayList<>();
    for (Src s : srcs) {
      if (covers(s.zw, z)) {
        (s.kind() == SourceKind.RADAR_VAD ? radar : other).add(s);
      }
    }
    return radar.isEmpty() ? new WindSources(other, false) : new WindSources(radar, true);
  }

  private void mergeWind(WorkingLevel l, WindSources ws) {
    if (ws.sources().isEmpty()) {
      l.windUMps = Double.NaN;
      l.windVMps = Double.NaN;
      return;
    }
    List<WindSample> samples = new ArrayList<>();
    for (Src s : ws.sources()) {
      samples.add(windAt(s, l.altitudeM));
    }
    Combined cu = combine(samples, WindSample::u, WindSample::sigmaU);
    Combined cv = combine(samples, WindSample::v, WindSample::sigmaV);
    Combined cw = combine(samples, WindSample::w, WindSample::sigmaU);
    l.windUMps = cu.value();
    l.windVMps = cv.value();
    l.windWMps = cw.value();
    l.sigmaUMps = cu.sigma();
    l.sigmaVMps = cv.sigma();
    l.source = ws.sources().get(cu.dominant()).id();
    if (ws.radarOverride()) {
      l.flags.add(Codes.RADAR_OVERRIDE);
    }
    if (cu.disagree() || cv.disagree()) {
      l.flags.add(Codes.SOURCE_DISAGREEMENT);
    }
  }

  /** Temperature and pressure (radar has none) from the sources giving both at this height. */
  private void mergeThermo(WorkingLevel l, List<Src> srcs) {
    List<ThermoSample> samples = new ArrayList<>();
    for (Src s : srcs) {
      if (covers(s.zt, l.altitudeM) && covers(s.zp, l.altitudeM)) {
        samples.add(thermoAt(s, l.altitudeM));
      }
    }
    if (samples.isEmpty()) {
      l.temperatureK = Double.NaN;
      l.lnPressure = Double.NaN;
      return;
    }
    Combined ct = combine(samples, ThermoSample::t, ThermoSample::sigmaT);
    l.temperatureK = ct.value();
    l.sigmaTK = ct.sigma();
    l.lnPressure = combine(samples, ThermoSample::lnp, ThermoSample::sigmaT).value();
    if (ct.disagree()) {
      l.flags.add(Codes.SOURCE_DISAGREEMENT);
    }
  }

  private WindSample windAt(Src s, double z) {
    return new WindSample(interp(s.zw, s.u, z), interp(s.zw, s.v, z), interp(s.zw, s.w, z),
        windSigma(s, interp(s.zw, s.su, z)), windSigma(s, interp(s.zw, s.sv, z)));
  }

  private ThermoSample thermoAt(Src s, double z) {
    return new ThermoSample(interp(s.zt, s.t, z), interp(s.zp, s.lnp, z),
        temperatureSigma(s, interp(s.zt, s.st, z)));
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

  // ------------------------------------------------------------------- weights, uncertainty

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

  /**
   * Uncertainty of a source's wind component at a node: the σ it reports (else the base σ of
   * its kind), grown with its time offset and distance.
   */
  private double windSigma(Src s, double reported) {
    return grow(Double.isNaN(reported) ? baseWindSigma(s.kind()) : reported, s,
        config.windSigmaPerHourMps(), config.windSigmaPer100KmMps());
  }

  /** As {@link #windSigma} for temperature. */
  private double temperatureSigma(Src s, double reported) {
    return grow(Double.isNaN(reported) ? baseTSigma(s.kind()) : reported, s,
        config.tSigmaPerHourK(), config.tSigmaPer100KmK());
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

  /** {@link #combineValues} over one quantity of each sample, in sample order. */
  private static <S> Combined combine(List<S> samples, ToDoubleFunction<S> value,
      ToDoubleFunction<S> sigma) {
    double[] x = new double[samples.size()];
    double[] sg = new double[samples.size()];
    for (int k = 0; k < x.length; k++) {
      x[k] = value.applyAsDouble(samples.get(k));
      sg[k] = sigma.applyAsDouble(samples.get(k));
    }
    return combineValues(x, sg);
  }

  // ---------------------------------------------------------------------------------- fill

  /**
   * Standard-atmosphere fill of the winds: holes between data interpolated linearly, winds above
   * the data decaying to calm over {@code blendDepthM}, below the data held; σ blending into
   * {@code fillSigmaWindMps}.
   */
  private void fillWind(List<WorkingLevel> levels) {
    int n = levels.size();
    int first = -1;
    int last = -1;
    for (int i = 0; i < n; i++) {
      if (levels.get(i).hasWind()) {
        first = first < 0 ? i : first;
        last = i;
      }
    }
    if (first < 0) {
      for (WorkingLevel l : levels) {
        l.windUMps = 0;
        l.windVMps = 0;
        l.windWMps = 0;
        l.sigmaUMps = config.fillSigmaWindMps();
        l.sigmaVMps = config.fillSigmaWindMps();
        l.source = "ussa76";
        l.flags.add(Codes.STD_ATMOSPHERE_FILL);
      }
      return;
    }
    for (int i = first + 1; i < last; i++) {
      WorkingLevel l = levels.get(i);
      if (!l.hasWind()) {
        WorkingLevel a = levels.get(i - 1);
        int ib = i + 1;
        while (!levels.get(ib).hasWind()) {
          ib++;
        }
        WorkingLevel b = levels.get(ib);
        double f = (l.altitudeM - a.altitudeM) / (b.altitudeM - a.altitudeM);
        l.windUMps = a.windUMps + f * (b.windUMps - a.windUMps);
        l.windVMps = a.windVMps + f * (b.windVMps - a.windVMps);
        l.windWMps = a.windWMps + f * (b.windWMps - a.windWMps);
        l.sigmaUMps = Math.max(a.sigmaUMps, b.sigmaUMps);
        l.sigmaVMps = Math.max(a.sigmaVMps, b.sigmaVMps);
        l.source = "interpolated";
        l.flags.add(Codes.GAP_FILLED);
      }
    }
    WorkingLevel top = levels.get(last);
    for (int i = last + 1; i < n; i++) {
      WorkingLevel l = levels.get(i);
      double f = Math.min(1.0, (l.altitudeM - top.altitudeM) / config.blendDepthM());
      l.windUMps = top.windUMps * (1 - f);
      l.windVMps = top.windVMps * (1 - f);
      l.windWMps = 0;
      l.sigmaUMps = top.sigmaUMps + f * (config.fillSigmaWindMps() - top.sigmaUMps);
      l.sigmaVMps = top.sigmaVMps + f * (config.fillSigmaWindMps() - top.sigmaVMps);
      l.source = "ussa76";
      l.flags.add(Codes.STD_ATMOSPHERE_FILL);
    }
    WorkingLevel bottom = levels.get(first);
    for (int i = 0; i < first; i++) {
      WorkingLevel l = levels.get(i);
      double f = Math.min(1.0, (bottom.altitudeM - l.altitudeM) / config.blendDepthM());
      l.windUMps = bottom.windUMps;
      l.windVMps = bottom.windVMps;
      l.windWMps = 0;
      l.sigmaUMps = bottom.sigmaUMps + f * (config.fillSigmaWindMps() - bottom.sigmaUMps);
      l.sigmaVMps = bottom.sigmaVMps + f * (config.fillSigmaWindMps() - bottom.sigmaVMps);
      l.source = "ussa76";
      l.flags.add(Codes.STD_ATMOSPHERE_FILL);
    }
  }

  /**
   * Standard-atmosphere fill of temperature and pressure: holes interpolated (p in ln p), USSA76
   * blended in above the data with hydrostatic pressure, USSA76 shifted to match below; σ
   * blending into {@code fillSigmaTK}.
   */
  private void fillThermo(List<WorkingLevel> levels) {
    int n = levels.size();
    int first = -1;
    int last = -1;
    for (int i = 0; i < n; i++) {
      if (levels.get(i).hasTemperature()) {
        first = first < 0 ? i : first;
        last = i;
      }
    }
    if (first < 0) {
      for (WorkingLevel l : levels) {
        AtmosphereState s = standard.at(l.altitudeM);
        l.temperatureK = s.temperatureK();
        l.lnPressure = Math.log(s.pressurePa());
        l.sigmaTK = config.fillSigmaTK();
        l.flags.add(Codes.STD_ATMOSPHERE_FILL);
      }
      return;
    }
    for (int i = first + 1; i < last; i++) {
      WorkingLevel l = levels.get(i);
      if (!l.hasTemperature()) {
        WorkingLevel a = levels.get(i - 1);
        int ib = i + 1;
        while (!levels.get(ib).hasTemperature()) {
          ib++;
        }
        WorkingLevel b = levels.get(ib);
        double f = (l.altitudeM - a.altitudeM) / (b.altitudeM - a.altitudeM);
        l.temperatureK = a.temperatureK + f * (b.temperatureK - a.temperatureK);
        l.lnPressure = a.lnPressure + f * (b.lnPressure - a.lnPressure);
        l.sigmaTK = Math.max(a.sigmaTK, b.sigmaTK);
        l.flags.add(Codes.GAP_FILLED);
      }
    }
    WorkingLevel top = levels.get(last);
    double dTop = top.temperatureK - standard.at(top.altitudeM).temperatureK();
    for (int i = last + 1; i < n; i++) {
      WorkingLevel below = levels.get(i - 1);
      WorkingLevel l = levels.get(i);
      double f = Math.min(1.0, (l.altitudeM - top.altitudeM) / config.blendDepthM());
      l.temperatureK = standard.at(l.altitudeM).temperatureK() + dTop * (1 - f);
      l.lnPressure = hydrostatic(below.lnPressure, below.temperatureK, l.temperatureK,
          below.altitudeM, l.altitudeM);
      l.sigmaTK = top.sigmaTK + f * (config.fillSigmaTK() - top.sigmaTK);
      l.flags.add(Codes.STD_ATMOSPHERE_FILL);
    }
    WorkingLevel bottom = levels.get(first);
    double dBottom = bottom.temperatureK - standard.at(bottom.altitudeM).temperatureK();
    for (int i = first - 1; i >= 0; i--) {
      WorkingLevel above = levels.get(i + 1);
      WorkingLevel l = levels.get(i);
      double f = Math.min(1.0, (bottom.altitudeM - l.altitudeM) / config.blendDepthM());
      l.temperatureK = standard.at(l.altitudeM).temperatureK() + dBottom;
      l.lnPressure = hydrostatic(above.lnPressure, above.temperatureK, l.temperatureK,
          above.altitudeM, l.altitudeM);
      l.sigmaTK = bottom.sigmaTK + f * (config.fillSigmaTK() - bottom.sigmaTK);
      l.flags.add(Codes.STD_ATMOSPHERE_FILL);
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

  /**
   * Outlier detection: per-layer shear and lapse rate between measured levels get robust
   * z-scores; a single level between two outlying layers of opposite sense is replaced by its
   * neighbours' interpolation (its σ grown by the change), other outlying layers are flagged and
   * the σ of their levels doubled.
   */
  private void replaceSpikes(List<WorkingLevel> levels) {
    int n = levels.size();
    if (n < 5) {
      return;
    }
    // only layers between measured (not filled) levels take part
    boolean[] measured = new boolean[n];
    for (int i = 0; i < n; i++) {
      measured[i] = levels.get(i).measured();
    }
    int layers = n - 1;
    double[] shear = new double[layers];
    double[] lapse = new double[layers];
    for (int i = 0; i < layers; i++) {
      WorkingLevel lo = levels.get(i);
      WorkingLevel hi = levels.get(i + 1);
      double dz = hi.altitudeM - lo.altitudeM;
      shear[i] = Math.hypot(hi.windUMps - lo.windUMps, hi.windVMps - lo.windVMps) / dz;
      lapse[i] = -(hi.temperatureK - lo.temperatureK) / dz * 1000.0;
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
      WorkingLevel lo = levels.get(i - 1);
      WorkingLevel l = levels.get(i);
      WorkingLevel hi = levels.get(i + 1);
      double f = (l.altitudeM - lo.altitudeM) / (hi.altitudeM - lo.altitudeM);
      if (shearOut[i - 1] && shearOut[i]) {
        double du1 = l.windUMps - lo.windUMps;
        double du2 = hi.windUMps - l.windUMps;
        double dv1 = l.windVMps - lo.windVMps;
        double dv2 = hi.windVMps - l.windVMps;
        if (du1 * du2 + dv1 * dv2 < 0) {
          double nu = lo.windUMps + f * (hi.windUMps - lo.windUMps);
          double nv = lo.windVMps + f * (hi.windVMps - lo.windVMps);
          l.sigmaUMps = Math.hypot(l.sigmaUMps, l.windUMps - nu);
          l.sigmaVMps = Math.hypot(l.sigmaVMps, l.windVMps - nv);
          l.windUMps = nu;
          l.windVMps = nv;
          l.flags.add(Codes.OUTLIER_REPLACED);
          handledShear[i - 1] = true;
          handledShear[i] = true;
        }
      }
      if (lapseOut[i - 1] && lapseOut[i]
          && (l.temperatureK - lo.temperatureK) * (hi.temperatureK - l.temperatureK) < 0) {
        double nt = lo.temperatureK + f * (hi.temperatureK - lo.temperatureK);
        l.sigmaTK = Math.hypot(l.sigmaTK, l.temperatureK - nt);
        l.temperatureK = nt;
        l.flags.add(Codes.OUTLIER_REPLACED);
        handledLapse[i - 1] = true;
        handledLapse[i] = true;
      }
    }
    for (int i = 0; i < layers; i++) {
      if (shearOut[i] && !handledShear[i]) {
        for (WorkingLevel l : levels.subList(i, i + 2)) {
          if (l.flags.add(Codes.OUTLIER_FLAGGED)) {
            l.sigmaUMps *= 2;
            l.sigmaVMps *= 2;
          }
        }
      }
      if (lapseOut[i] && !handledLapse[i]) {
        for (WorkingLevel l : levels.subList(i, i + 2)) {
          if (l.flags.add(Codes.OUTLIER_FLAGGED)) {
            l.sigmaTK *= 2;
          }
        }
      }
    }
  }

  /**
   * Shear smoothing: the levels bounding a layer whose shear exceeds {@code shearLimitPerS} go
   * through a 1-2-1 binomial filter, up to {@value #MAX_SMOOTHING_PASSES} passes.
   */
  private void smoothShear(List<WorkingLevel> levels) {
    int n = levels.size();
    for (int pass = 0; pass < MAX_SMOOTHING_PASSES; pass++) {
      boolean[] mark = new boolean[n];
      boolean any = false;
      for (int i = 0; i < n - 1; i++) {
        WorkingLevel lo = levels.get(i);
        WorkingLevel hi = levels.get(i + 1);
        double shear = Math.hypot(hi.windUMps - lo.windUMps, hi.windVMps - lo.windVMps)
            / (hi.altitudeM - lo.altitudeM);
        if (shear > config.shearLimitPerS()) {
          mark[i] = true;
          mark[i + 1] = true;
          any = true;
        }
      }
      if (!any) {
        return;
      }
      // filter from the values before this pass, then write back
      double[] nu = new double[n];
      double[] nv = new double[n];
      for (int i = 0; i < n; i++) {
        nu[i] = levels.get(i).windUMps;
        nv[i] = levels.get(i).windVMps;
      }
      for (int i = 1; i < n - 1; i++) {
        if (mark[i]) {
          WorkingLevel lo = levels.get(i - 1);
          WorkingLevel l = levels.get(i);
          WorkingLevel hi = levels.get(i + 1);
          nu[i] = 0.25 * lo.windUMps + 0.5 * l.windUMps + 0.25 * hi.windUMps;
          nv[i] = 0.25 * lo.windVMps + 0.5 * l.windVMps + 0.25 * hi.windVMps;
          l.flags.add(Codes.SHEAR_SMOOTHED);
        }
      }
      for (int i = 0; i < n; i++) {
        levels.get(i).windUMps = nu[i];
        levels.get(i).windVMps = nv[i];
      }
    }
  }

  // ----------------------------------------------------------------------------- annotations

  /** One annotation per code and contiguous band of levels carrying it. */
  private List<QcAnnotation> bands(List<WorkingLevel> levels) {
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
    int n = levels.size();
    List<QcAnnotation> out = new ArrayList<>();
    for (String[] c : codes) {
      int i = 0;
      while (i < n) {
        if (!levels.get(i).flags.contains(c[0])) {
          i++;
          continue;
        }
        int j = i;
        String src = c[0].equals(Codes.RADAR_OVERRIDE) ? levels.get(i).source : "";
        while (j + 1 < n && levels.get(j + 1).flags.contains(c[0])
            && (!c[0].equals(Codes.RADAR_OVERRIDE) || levels.get(j + 1).source.equals(src))) {
          j++;
        }
        double zi = levels.get(i).altitudeM;
        double zj = levels.get(j).altitudeM;
        String where = String.format(Locale.ROOT, " (%.0f–%.0f m, %d levels)", zi, zj,
            j - i + 1);
        out.add(new QcAnnotation(c[0], c[1], zi, zj,
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
