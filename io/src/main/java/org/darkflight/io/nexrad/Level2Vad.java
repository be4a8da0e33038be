package org.darkflight.io.nexrad;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.darkflight.io.radar.VadEstimate;
import org.darkflight.io.radar.VadFit;
import org.darkflight.io.radar.VadRing;

/**
 * A VAD wind profile from the radial velocities of a Level II volume, with quality control.
 *
 * <p>Each velocity sweep is cut into height rings: every gate with a velocity and a slant range
 * in {@code [minRangeM, maxRangeM]} goes to the ring of its beam-centre height bin
 * ({@code binM} thick, heights above mean sea level, 4/3-Earth beam model
 * {@link VadFit#beamHeightM}). A ring is an annulus of gates at one elevation; its wind comes from
 * {@link VadFit#fit} (least squares {@code Vr = a0 + a1 sin φ + a2 cos φ}, Browning &amp; Wexler
 * 1968) in two passes: the second pass leaves out velocities more than two RMS residuals of the
 * first from its curve (removes clutter, aliased and second-trip velocities that survived the
 * RDA's thresholds; the WSR-88D's own VAD also fits twice, "NUMBER OF PASSES 2" on the NVW
 * product's adaptable-parameter page).
 *
 * <p>Quality control, per ring. Rejected: {@code too_few_gates} (fewer than
 * {@code minGates} velocities, default 25 = the WSR-88D VAD's "DATA POINTS THRESHOLD"),
 * {@code azimuth_gap} (a gap larger than {@link VadFit#MAX_AZIMUTH_GAP_DEG}), {@code high_rms}
 * (RMS residual above {@code maxRmsMps}, default 5.0 m/s = the WSR-88D's "RMS THRESHOLD 9.7
 * KNOTS"; both read on the adaptable-parameter page of the shipped NVW products). Kept with a
 * flag: {@code partial_azimuth_coverage} (largest gap above {@code partialGapDeg}, default 30°)
 * and {@code near_nyquist} (the fitted curve comes within two RMS of the Nyquist velocity, so
 * aliased velocities may bias it).
 *
 * <p>Uncertainty: σ_u = σ_v = the ring's RMS residual. The formal standard error of the fit
 * ({@code RMS·√(2/n)} for n gates, thousands of them) would be far smaller, but the gates of an
 * annulus are neither independent (adjacent 0.5° radials overlap within the 0.95° beam) nor is
 * the wind field linear across a circle tens of kilometres wide; the RMS residual is the spread
 * the fit leaves and is what the WSR-88D reports as the quality of each VAD level. Rings of
 * several sweeps in one height bin are merged with inverse-variance weights {@code 1/RMS²},
 * σ = {@code (Σ 1/RMS²)^(−1/2)}.
 */
public final class Level2Vad {

  /**
   * Settings.
   *
   * @param binM           thickness of a height ring, m
   * @param minRangeM      gates nearer than this are not used (ground clutter), m
   * @param maxRangeM      gates farther than this are not used (beam too wide, circle too big), m
   * @param minGates       fewest velocities a ring needs
   * @param maxRmsMps      largest accepted RMS residual, m/s
   * @param partialGapDeg  an azimuth gap above this flags the ring, degrees
   */
  public record Settings(double binM, double minRangeM, double maxRangeM, int minGates,
      double maxRmsMps, double partialGapDeg) {

    /** The defaults documented in the class comment. */
    public static final Settings DEFAULTS = new Settings(250.0, 10_000.0, 100_000.0, 25, 5.0,
        30.0);

    public Settings {
      if (!(binM > 0) || !(minRangeM >= 0) || !(maxRangeM > minRangeM) || minGates < 8
          || !(maxRmsMps > 0) || !(partialGapDeg > 0)) {
        throw new IllegalArgumentException("invalid VAD settings " + binM + ", " + minRangeM
            + ", " + maxRangeM + ", " + minGates + ", " + maxRmsMps + ", " + partialGapDeg);
      }
    }
  }

  /**
   * One ring's fit.
   *
   * @param elevationNumber  RDA elevation number of the sweep
   * @param elevationDeg     mean elevation angle of the ring's gates, degrees
   * @param altitudeM        mean beam-centre height of the gates used, m above mean sea level
   * @param gates            velocities used in the final pass
   * @param largestGapDeg    largest azimuth gap, degrees
   * @param windUMps         eastward wind, m/s (NaN when rejected before fitting)
   * @param windVMps         northward wind, m/s
   * @param rmsMps           RMS residual of the final pass, m/s
   * @param rejected         why the ring was rejected, or null when used
   * @param flags            warnings of a used ring
   */
  public record Ring(int elevationNumber, double elevationDeg, double altitudeM, int gates,
      double largestGapDeg, double windUMps, double windVMps, double rmsMps, String rejected,
      List<String> flags) {

    public Ring {
      flags = List.copyOf(flags);
    }
  }

  /**
   * One level of the profile.
   *
   * @param altitudeM  height above mean sea level, m
   * @param windUMps   eastward wind, m/s
   * @param windVMps   northward wind, m/s
   * @param sigmaMps   1-σ of u and of v, m/s
   * @param rmsMps     RMS residual (rings merged: weighted by gates), m/s
   * @param gates      velocities used
   * @param rings      rings merged into this level
   * @param flags      warnings of its rings
   */
  public record Level(double altitudeM, double windUMps, double windVMps, double sigmaMps,
      double rmsMps, int gates, int rings, List<String> flags) {

    public Level {
      flags = List.copyOf(flags);
    }
  }

  /**
   * The profile and every ring behind it.
   *
   * @param levels  levels by increasing altitude (may be empty when every ring was rejected)
   * @param rings   every ring tried, in sweep and height order
   */
  public record Result(List<Level> levels, List<Ring> rings) {

    public Result {
      levels = List.copyOf(levels);
      rings = List.copyOf(rings);
    }

    /** Rejected rings counted by reason, reasons sorted. */
    public Map<String, Integer> rejections() {
      Map<String, Integer> m = new TreeMap<>();
      for (Ring r : rings) {
        if (r.rejected() != null) {
          m.merge(r.rejected(), 1, Integer::sum);
        }
      }
      return m;
    }
  }

  private Level2Vad() {}

  /** Fits the VAD profile of every velocity sweep of a volume. */
  public static Result fit(Level2Volume volume, Settings s) {
    double antenna = volume.site().antennaHeightM();
    List<Ring> rings = new ArrayList<>();
    for (Level2Sweep sweep : volume.velocity()) {
      rings.addAll(fitSweep(sweep, antenna, s));
    }
    return new Result(merge(rings, s.binM()), rings);
  }

  /** The rings of one sweep, in height order. */
  static List<Ring> fitSweep(Level2Sweep sweep, double antennaHeightM, Settings s) {
    Map<Long, double[][]> bins = new TreeMap<>();
    Map<Long, int[]> sizes = new TreeMap<>();
    int gates = sweep.gates();
    for (int r = 0; r < sweep.radials(); r++) {
      double el = sweep.elevationsDeg()[r];
      if (!(el > 0 && el < 90)) {
        continue;
      }
      for (int g = 0; g < gates; g++) {
        double range = sweep.gateRangesM()[g];
        if (range < s.minRangeM() || range > s.maxRangeM()) {
          continue;
        }
        double vr = sweep.value(r, g);
        if (Double.isNaN(vr)) {
          continue;
        }
        double h = VadFit.beamHeightM(range, el, antennaHeightM);
        long bin = (long) Math.floor(h / s.binM());
        double[][] cols = bins.computeIfAbsent(bin, b -> new double[5][256]);
        int[] n = sizes.computeIfAbsent(bin, b -> new int[1]);
        if (n[0] == cols[0].length) {
          for (int c = 0; c < 5; c++) {
            cols[c] = Arrays.copyOf(cols[c], cols[c].length * 2);
          }
          bins.put(bin, cols);
        }
        cols[0][n[0]] = sweep.azimuthsDeg()[r];
        cols[1][n[0]] = vr;
        cols[2][n[0]] = range;
        cols[3][n[0]] = el;
        cols[4][n[0]] = h;
        n[0]++;
      }
    }
    List<Ring> out = new ArrayList<>();
    for (Map.Entry<Long, double[][]> e : bins.entrySet()) {
      int n = sizes.get(e.getKey())[0];
      double[][] c = e.getValue();
      out.add(fitRing(sweep, Arrays.copyOf(c[0], n), Arrays.copyOf(c[1], n),
          Arrays.copyOf(c[2], n), Arrays.copyOf(c[3], n), Arrays.copyOf(c[4], n), s));
    }
    return out;
  }

  private static Ring fitRing(Level2Sweep sweep, double[] az, double[] vr, double[] range,
      double[] el, double[] h, Settings s) {
    int number = sweep.elevationNumber();
    double meanEl = mean(el);
    double meanH = mean(h);
    double gap = largestGapDeg(az);
    if (az.length < s.minGates()) {
      return new Ring(number, meanEl, meanH, az.length, gap, Double.NaN, Double.NaN, Double.NaN,
          "too_few_gates", List.of());
    }
    if (gap > VadFit.MAX_AZIMUTH_GAP_DEG) {
      return new Ring(number, meanEl, meanH, az.length, gap, Double.NaN, Double.NaN, Double.NaN,
          "azimuth_gap", List.of());
    }
    VadEstimate first = VadFit.fit(new VadRing(meanEl, mean(range), az, vr), 0.0);
    double limit = 2.0 * first.rmsResidualMps();
    double cos = Math.cos(Math.toRadians(meanEl));
    double sin = Math.sin(Math.toRadians(meanEl));
    int kept = 0;
    boolean[] keep = new boolean[az.length];
    for (int k = 0; k < az.length; k++) {
      double p = predicted(first, az[k], cos, sin);
      keep[k] = Math.abs(vr[k] - p) <= limit;
      kept += keep[k] ? 1 : 0;
    }
    double[] az2 = new double[kept];
    double[] vr2 = new double[kept];
    double[] r2 = new double[kept];
    double[] el2 = new double[kept];
    double[] h2 = new double[kept];
    for (int k = 0, q = 0; k < az.length; k++) {
      if (keep[k]) {
        az2[q] = az[k];
        vr2[q] = vr[k];
        r2[q] = range[k];
        el2[q] = el[k];
        h2[q++] = h[k];
      }
    }
    double gap2 = largestGapDeg(az2);
    double el2Mean = kept > 0 ? mean(el2) : meanEl;
    double h2Mean = kept > 0 ? mean(h2) : meanH;
    if (kept < s.minGates()) {
      return new Ring(number, el2Mean, h2Mean, kept, gap2, Double.NaN, Double.NaN, Double.NaN,
          "too_few_gates", List.of());
    }
    if (gap2 > VadFit.MAX_AZIMUTH_GAP_DEG) {
      return new Ring(number, el2Mean, h2Mean, kept, gap2, Double.NaN, Double.NaN, Double.NaN,
          "azimuth_gap", List.of());
    }
    VadEstimate fit = VadFit.fit(new VadRing(el2Mean, mean(r2), az2, vr2), 0.0);
    double rms = fit.rmsResidualMps();
    if (!(rms <= s.maxRmsMps())) {
      return new Ring(number, el2Mean, h2Mean, kept, gap2, fit.windUMps(), fit.windVMps(), rms,
          "high_rms", List.of());
    }
    List<String> flags = new ArrayList<>();
    if (gap2 > s.partialGapDeg()) {
      flags.add("partial_azimuth_coverage");
    }
    double c2 = Math.cos(Math.toRadians(el2Mean));
    double s2 = Math.sin(Math.toRadians(el2Mean));
    double amplitude = Math.hypot(fit.windUMps(), fit.windVMps()) * c2
        + Math.abs(fit.windWMps() * s2);
    if (Double.isFinite(sweep.nyquistMps()) && amplitude + 2 * rms >= sweep.nyquistMps()) {
      flags.add("near_nyquist");
    }
    return new Ring(number, el2Mean, h2Mean, kept, gap2, fit.windUMps(), fit.windVMps(), rms,
        null, flags);
  }

  /** The fitted radial velocity at azimuth φ: a0 + a1 sin φ + a2 cos φ. */
  private static double predicted(VadEstimate e, double azDeg, double cos, double sin) {
    double phi = Math.toRadians(azDeg);
    return e.windWMps() * sin + e.windUMps() * cos * Math.sin(phi)
        + e.windVMps() * cos * Math.cos(phi);
  }

  /** Merges the used rings of each height bin, inverse-variance weighted (σ = RMS). */
  static List<Level> merge(List<Ring> rings, double binM) {
    Map<Long, List<Ring>> byBin = new TreeMap<>();
    for (Ring r : rings) {
      if (r.rejected() == null) {
        byBin.computeIfAbsent((long) Math.floor(r.altitudeM() / binM), b -> new ArrayList<>())
            .add(r);
      }
    }
    List<Level> out = new ArrayList<>();
    for (List<Ring> g : byBin.values()) {
      double sw = 0;
      double sh = 0;
      double su = 0;
      double sv = 0;
      double rms2 = 0;
      int n = 0;
      TreeSet<String> flags = new TreeSet<>();
      for (Ring r : g) {
        double w = 1.0 / Math.max(r.rmsMps() * r.rmsMps(), 1e-6);
        sw += w;
        sh += w * r.altitudeM();
        su += w * r.windUMps();
        sv += w * r.windVMps();
        rms2 += r.rmsMps() * r.rmsMps() * r.gates();
        n += r.gates();
        flags.addAll(r.flags());
      }
      out.add(new Level(sh / sw, su / sw, sv / sw, Math.sqrt(1.0 / sw), Math.sqrt(rms2 / n), n,
          g.size(), new ArrayList<>(flags)));
    }
    return out;
  }

  private static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  /** Largest gap between azimuths around the circle, degrees (360 for no azimuth). */
  static double largestGapDeg(double[] azDeg) {
    if (azDeg.length == 0) {
      return 360.0;
    }
    double[] a = new double[azDeg.length];
    for (int k = 0; k < a.length; k++) {
      a[k] = ((azDeg[k] % 360) + 360) % 360;
    }
    Arrays.sort(a);
    double gap = 360 - a[a.length - 1] + a[0];
    for (int k = 1; k < a.length; k++) {
      gap = Math.max(gap, a[k] - a[k - 1]);
    }
    return gap;
  }
}
