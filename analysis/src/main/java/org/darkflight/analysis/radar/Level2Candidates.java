package org.darkflight.analysis.radar;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import net.sf.geographiclib.Constants;
import org.darkflight.io.geoid.HeightReference;
import org.darkflight.io.nexrad.Level2Sweep;
import org.darkflight.io.nexrad.Level2Volume;
import org.darkflight.io.nexrad.NexradSite;
import org.darkflight.physics.radar.BeamGeometry;
import org.darkflight.physics.radar.RadarFix;
import org.darkflight.physics.radar.RadarGeolocator;
import org.darkflight.physics.radar.RadarObservation;
import org.darkflight.physics.radar.RadarSite;

/**
 * Candidate meteorite returns in NEXRAD Level II reflectivity: every gate of every reflectivity
 * sweep whose radial was collected inside the time window after the luminous end, whose
 * reflectivity is at least the threshold, and whose beam centre lies inside the predicted fall
 * corridor ({@link FallCorridor}). Each candidate carries quality-control flags for the analyst
 * (docs/radar.md, "Candidate returns from Level II"); none of them removes a candidate.
 *
 * <p>The beam centre is located exactly as {@code darkflight radar} locates a return
 * ({@link RadarGeolocator#locate}: 4/3 effective Earth radius, Doviak &amp; Zrnić eqs.
 * 2.28b–c, WGS84 geodesic from the site), so a confirmed candidate is solved at the position it
 * was selected at. The radar's position is the volume's own (message-31 volume block, or
 * netCDF-Java's station table for message-1 volumes).
 */
public final class Level2Candidates {

  /** The beam centre's half-power bottom is less than {@code groundClearanceM} above the ground. */
  public static final String FLAG_BEAM_NEAR_GROUND = "beam_near_ground";
  /** Slant range below {@code nearRadarM}: ground clutter and side lobes near the radar. */
  public static final String FLAG_NEAR_RADAR = "near_radar";
  /** Reflectivity at least {@code strongDbz}: typical of rain cores and hail. */
  public static final String FLAG_STRONG_ECHO = "strong_echo";
  /**
   * More than {@code widespreadShare} of the gates around the candidate (within
   * {@code widespreadRadiusM} in range and across the beam, same sweep) reach the threshold: the
   * echo is part of an extended target (weather, clutter, biological), not a compact falling
   * cloud of stones.
   */
  public static final String FLAG_WIDESPREAD_ECHO = "widespread_echo";
  /**
   * The radial's time after the luminous end lies more than {@code timeToleranceS} outside the
   * span of times at which the corridor's trajectories pass the candidate's height: no mass of
   * the corridor is there then.
   */
  public static final String FLAG_FALL_TIME_MISMATCH = "fall_time_mismatch";

  /**
   * Selection and flag settings.
   *
   * @param minDbz             reflectivity threshold, dBZ
   * @param windowStartS       start of the time window, s after the luminous end
   * @param windowEndS         end of the time window, s after the luminous end
   * @param groundHeightM      height of the ground, m (same datum as the corridor)
   * @param beamWidthDeg       one-way half-power beam width, degrees
   * @param nearRadarM         slant range below which {@link #FLAG_NEAR_RADAR} is set, m
   * @param groundClearanceM   beam-bottom clearance below which {@link #FLAG_BEAM_NEAR_GROUND}
   *                           is set, m
   * @param strongDbz          reflectivity from which {@link #FLAG_STRONG_ECHO} is set, dBZ
   * @param widespreadRadiusM  neighbourhood half-size of {@link #FLAG_WIDESPREAD_ECHO}, m
   * @param widespreadShare    share of neighbourhood gates at or above the threshold from which
   *                           {@link #FLAG_WIDESPREAD_ECHO} is set
   * @param timeToleranceS     slack of {@link #FLAG_FALL_TIME_MISMATCH}, s
   */
  public record Settings(double minDbz, double windowStartS, double windowEndS,
      double groundHeightM, double beamWidthDeg, double nearRadarM, double groundClearanceM,
      double strongDbz, double widespreadRadiusM, double widespreadShare,
      double timeToleranceS) {

    /** Default reflectivity threshold, dBZ (docs/radar.md says why). */
    public static final double DEFAULT_MIN_DBZ = 5.0;
    /** Default slant range of {@link #FLAG_NEAR_RADAR}, m. */
    public static final double DEFAULT_NEAR_RADAR_M = 20_000.0;
    /** Default beam-bottom clearance of {@link #FLAG_BEAM_NEAR_GROUND}, m. */
    public static final double DEFAULT_GROUND_CLEARANCE_M = 300.0;
    /** Default reflectivity of {@link #FLAG_STRONG_ECHO}, dBZ. */
    public static final double DEFAULT_STRONG_DBZ = 50.0;
    /** Default neighbourhood half-size of {@link #FLAG_WIDESPREAD_ECHO}, m. */
    public static final double DEFAULT_WIDESPREAD_RADIUS_M = 2_000.0;
    /** Default share of {@link #FLAG_WIDESPREAD_ECHO}. */
    public static final double DEFAULT_WIDESPREAD_SHARE = 0.5;
    /** Default slack of {@link #FLAG_FALL_TIME_MISMATCH}, s. */
    public static final double DEFAULT_TIME_TOLERANCE_S = 60.0;

    public Settings {
      if (!Double.isFinite(minDbz) || !(windowStartS >= 0) || !(windowEndS > windowStartS)
          || !Double.isFinite(windowEndS) || !Double.isFinite(groundHeightM)
          || !(beamWidthDeg > 0) || !(nearRadarM >= 0) || !(groundClearanceM >= 0)
          || !Double.isFinite(strongDbz) || !(widespreadRadiusM > 0)
          || !(widespreadShare > 0 && widespreadShare <= 1) || !(timeToleranceS >= 0)) {
        throw new IllegalArgumentException("invalid candidate settings: " + minDbz + " dBZ, "
            + windowStartS + "-" + windowEndS + " s, ground " + groundHeightM + " m");
      }
    }

    /** The documented defaults with a threshold, a window and a ground height. */
    public static Settings defaults(double minDbz, double windowStartS, double windowEndS,
        double groundHeightM) {
      return new Settings(minDbz, windowStartS, windowEndS, groundHeightM,
          RadarObservation.NEXRAD_BEAM_WIDTH_DEG, DEFAULT_NEAR_RADAR_M,
          DEFAULT_GROUND_CLEARANCE_M, DEFAULT_STRONG_DBZ, DEFAULT_WIDESPREAD_RADIUS_M,
          DEFAULT_WIDESPREAD_SHARE, DEFAULT_TIME_TOLERANCE_S);
    }
  }

  /**
   * One candidate return.
   *
   * @param id               identifier: site, sweep start, elevation number, radial, gate (and a
   *                         counter when that repeats)
   * @param volume           the volume it is in
   * @param sweepStart       time of the sweep's first radial
   * @param elevationNumber  RDA elevation number of the sweep (0 when unknown)
   * @param radial           radial index in the sweep
   * @param gate             gate index in the radial
   * @param observation      what the radar measured (site, time, angles, range, beam, gate)
   * @param reflectivityDbz  the gate's reflectivity, dBZ
   * @param fix              the beam centre's position
   * @param corridor         the corridor at that position
   * @param afterEndS        the radial's time after the luminous end, s
   * @param neighbourShare   share of neighbourhood gates at or above the threshold
   * @param flags            quality-control flags, in the order of the flag constants
   */
  public record Candidate(String id, Level2Volume volume, Instant sweepStart, int elevationNumber,
      int radial, int gate, RadarObservation observation, double reflectivityDbz, RadarFix fix,
      FallCorridor.Hit corridor, double afterEndS, double neighbourShare, List<String> flags) {
    public Candidate {
      Objects.requireNonNull(id, "id");
      flags = List.copyOf(flags);
    }
  }

  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Level2Candidates() {}

  /**
   * The candidates of the volumes, in volume, sweep, radial and gate order.
   *
   * @param volumes       the Level II volumes
   * @param luminousEnd   time of the luminous end
   * @param corridor      the predicted fall corridor
   * @param settings      threshold, window and flag settings
   */
  public static List<Candidate> find(List<Level2Volume> volumes, Instant luminousEnd,
      FallCorridor corridor, Settings settings) {
    return find(volumes, luminousEnd, corridor, settings, HeightReference.MSL);
  }

  /**
   * As {@link #find(List, Instant, FallCorridor, Settings)}, with the corridor's heights measured
   * from {@code frame}: each volume's antenna height (above mean sea level, as NEXRAD gives it) is
   * converted into that reference with the EGM96 undulation at the site, so gate heights and
   * trajectory heights are compared in one reference.
   */
  public static List<Candidate> find(List<Level2Volume> volumes, Instant luminousEnd,
      FallCorridor corridor, Settings settings, HeightReference frame) {
    List<Candidate> out = new ArrayList<>();
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (Level2Volume v : volumes) {
      NexradSite s = v.site();
      RadarSite site = new RadarSite(s.id(), s.latitudeDeg(), s.longitudeDeg(),
          HeightReference.MSL.toReferenceM(s.antennaHeightM(), frame, s.latitudeDeg(),
              s.longitudeDeg()));
      for (Level2Sweep sweep : v.reflectivity()) {
        sweep(v, site, sweep, luminousEnd, corridor, settings, ids, out);
      }
    }
    return out;
  }

  private static void sweep(Level2Volume v, RadarSite site, Level2Sweep sw, Instant end,
      FallCorridor corridor, Settings set, java.util.Set<String> ids, List<Candidate> out) {
    long endMs = end.toEpochMilli();
    double latRad = Math.toRadians(site.latitudeDeg());
    double gateLength = sw.gates() > 1 ? sw.gateSpacingM()
        : RadarObservation.NEXRAD_GATE_LENGTH_M;
    Instant sweepStart = sw.start();
    for (int r = 0; r < sw.radials(); r++) {
      double afterS = (sw.timesMs()[r] - endMs) / 1000.0;
      if (afterS < set.windowStartS() || afterS > set.windowEndS()) {
        continue;
      }
      double az = sw.azimuthsDeg()[r];
      az = az - 360.0 * Math.floor(az / 360.0);
      if (az >= 360.0) {
        az = 0.0;
      }
      double el = sw.elevationsDeg()[r];
      if (!(el >= -2.0 && el < 90.0)) {
        continue;
      }
      double earth = BeamGeometry.normalSectionRadiusM(Constants.WGS84_a, Constants.WGS84_f,
          latRad, Math.toRadians(az));
      for (int g = 0; g < sw.gates(); g++) {
        double dbz = sw.value(r, g);
        double range = sw.gateRangesM()[g];
        if (!(dbz >= set.minDbz()) || !(range > 0)
            || range > RadarObservation.MAX_SLANT_RANGE_M) {
          continue;
        }
        // cheap height first: most gates are above or below every trajectory
        double h = site.antennaHeightM()
            + BeamGeometry.heightAboveAntennaM(range, Math.toRadians(el), earth);
        if (h > corridor.topM() || h < set.groundHeightM()) {
          continue;
        }
        RadarObservation obs = new RadarObservation(site, sw.time(r), el, az, range,
            set.beamWidthDeg(), gateLength);
        RadarFix fix = RadarGeolocator.locate(obs);
        FallCorridor.Hit hit = corridor.locate(fix.latitudeDeg(), fix.longitudeDeg(),
            fix.heightM());
        if (hit == null || !hit.inside()) {
          continue;
        }
        double share = neighbourShare(sw, r, g, set);
        List<String> flags = new ArrayList<>();
        if (fix.beamBottomM() - set.groundHeightM() < set.groundClearanceM()) {
          flags.add(FLAG_BEAM_NEAR_GROUND);
        }
        if (range < set.nearRadarM()) {
          flags.add(FLAG_NEAR_RADAR);
        }
        if (dbz >= set.strongDbz()) {
          flags.add(FLAG_STRONG_ECHO);
        }
        if (share > set.widespreadShare()) {
          flags.add(FLAG_WIDESPREAD_ECHO);
        }
        if (afterS < hit.earliestS() - set.timeToleranceS()
            || afterS > hit.latestS() + set.timeToleranceS()) {
          flags.add(FLAG_FALL_TIME_MISMATCH);
        }
        String id = String.format(Locale.ROOT, "%s-%s-e%d-r%d-g%d", site.id(),
            ID_TIME.format(sweepStart), sw.elevationNumber(), r, g);
        // two sweeps starting in the same second with the same elevation number (a repeated
        // file, or a cut present at both resolutions) must still give unique ids
        for (int k = 2; !ids.add(id); k++) {
          id = String.format(Locale.ROOT, "%s-%s-e%d-r%d-g%d-%d", site.id(),
              ID_TIME.format(sweepStart), sw.elevationNumber(), r, g, k);
        }
        out.add(new Candidate(id, v, sweepStart, sw.elevationNumber(), r, g, obs, dbz, fix, hit,
            afterS, share, flags));
      }
    }
  }

  /**
   * Share of the gates within {@code widespreadRadiusM} of gate (r, g) in range and across the
   * beam (the candidate itself excluded) whose reflectivity reaches the threshold. Radials are
   * neighbours by index (a sweep's radials are in azimuth order, wrapping around).
   */
  static double neighbourShare(Level2Sweep sw, int r, int g, Settings set) {
    double range = sw.gateRangesM()[g];
    double spacing = sw.gates() > 1 ? sw.gateSpacingM() : set.widespreadRadiusM();
    int dg = (int) Math.ceil(set.widespreadRadiusM() / spacing);
    double radialStepM = range * Math.toRadians(360.0 / sw.radials());
    int dr = (int) Math.min(sw.radials() / 2, Math.ceil(set.widespreadRadiusM() / radialStepM));
    int total = 0;
    int hits = 0;
    for (int i = -dr; i <= dr; i++) {
      int rr = Math.floorMod(r + i, sw.radials());
      for (int j = Math.max(0, g - dg); j <= Math.min(sw.gates() - 1, g + dg); j++) {
        if (i == 0 && j == g) {
          continue;
        }
        total++;
        if (sw.value(rr, j) >= set.minDbz()) {
          hits++;
        }
      }
    }
    return total == 0 ? 0.0 : (double) hits / total;
  }
}
