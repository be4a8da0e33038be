package org.darkflight.analysis.uq;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.darkflight.io.event.Event;
import org.darkflight.io.geo.LatLon;
import org.darkflight.io.geo.LocalTangentPlane;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.analysis.ensemble.RunInputs;
import org.darkflight.analysis.ensemble.Distribution;
import org.darkflight.analysis.ensemble.EnsembleConfig;
import org.darkflight.analysis.ensemble.UncertainParameter;
import org.darkflight.analysis.uq.CalibrationParameter;

/**
 * The ensemble inputs with calibrated parameters applied: each free parameter's calibrated value
 * becomes the nominal value and its Laplace posterior σ (flat prior) replaces the ensemble's
 * distribution of the matching uncertain parameter.
 *
 * <ul>
 *   <li>along/cross-track offsets: the luminous end moves (as in
 *       {@code analysis.uq.PhysicsForwardModel}); {@code lat}/{@code lon} become normal about the
 *       moved point with σ_north² = σ_a² cos²α + σ_c² sin²α, σ_east² = σ_a² sin²α + σ_c² cos²α
 *       (α the flight azimuth; the along/cross correlation of the posterior is dropped), in
 *       degrees by the tangent plane's radii;</li>
 *   <li>{@code cd_scale}: multiplies the physics config's drag scale; {@code cd} becomes
 *       log-normal about each fragment's cd with σ(ln) = σ/value (the relative spread);</li>
 *   <li>{@code wind_scale}: {@code wind_scale} becomes normal(value, σ);</li>
 *   <li>{@code density_kg_m3}: every fragment's density becomes the value; {@code density_kgm3}
 *       becomes normal about it with σ.</li>
 * </ul>
 * Fixed parameters and an uncalibrated result (insufficient evidence) change nothing.
 */
public final class CalibratedEnsemble {

  private CalibratedEnsemble() {}

  /**
   * @param values     calibrated values, in {@link CalibrationParameter} order
   * @param sigma      posterior σ (NaN when unknown)
   * @param free       which parameters were fitted
   * @param calibFile  calibrated_params.json (added to the inputs' provenance)
   * @param calibSha   its SHA-256
   */
  public static RunInputs apply(RunInputs in, double[] values, double[] sigma, boolean[] free,
      java.nio.file.Path calibFile, String calibSha) {
    LuminousEnd end = in.event().luminousEnd();
    Map<UncertainParameter, Distribution> dist = new EnumMap<>(UncertainParameter.class);
    dist.putAll(in.ensemble().distributions());
    PhysicsConfig physics = in.physics();
    List<Fragment> fragments = in.fragments();
    int along = CalibrationParameter.ALONG_TRACK_M.ordinal();
    int cross = CalibrationParameter.CROSS_TRACK_M.ordinal();
    if (free[along] || free[cross]) {
      double az = Math.toRadians(end.azimuthDeg());
      double a = free[along] ? values[along] : 0;
      double c = free[cross] ? values[cross] : 0;
      LocalTangentPlane plane = new LocalTangentPlane(
          new LatLon(end.latitudeDeg(), end.longitudeDeg()));
      LatLon moved = plane.toLatLon(a * Math.sin(az) + c * Math.cos(az),
          a * Math.cos(az) - c * Math.sin(az));
      end = new LuminousEnd(end.timeUtc(), moved.latitudeDeg(), moved.longitudeDeg(),
          end.altitudeM(), end.speedMps(), end.azimuthDeg(), end.elevationDeg());
      double sa = free[along] ? sigma[along] : 0;
      double sc = free[cross] ? sigma[cross] : 0;
      if (Double.isFinite(sa) && Double.isFinite(sc)) {
        double sn = Math.sqrt(sa * sa * Math.cos(az) * Math.cos(az)
            + sc * sc * Math.sin(az) * Math.sin(az));
        double se = Math.sqrt(sa * sa * Math.sin(az) * Math.sin(az)
            + sc * sc * Math.cos(az) * Math.cos(az));
        // metres → degrees by the plane's own map (1 m north / east of the moved point)
        LocalTangentPlane at = new LocalTangentPlane(moved);
        double degPerMNorth = at.toLatLon(0, 1).latitudeDeg() - moved.latitudeDeg();
        double degPerMEast = at.toLatLon(1, 0).longitudeDeg() - moved.longitudeDeg();
        dist.put(UncertainParameter.LAT, Distribution.normal(Double.NaN, sn * degPerMNorth));
        dist.put(UncertainParameter.LON, Distribution.normal(Double.NaN, se * degPerMEast));
      }
    }
    int cd = CalibrationParameter.CD_SCALE.ordinal();
    if (free[cd]) {
      physics = physics.withCdScale(physics.cdScale() * values[cd]);
      if (Double.isFinite(sigma[cd])) {
        dist.put(UncertainParameter.CD, Distribution.lognormal(Double.NaN,
            sigma[cd] / values[cd]));
      }
    }
    int wind = CalibrationParameter.WIND_SCALE.ordinal();
    if (free[wind] && Double.isFinite(sigma[wind])) {
      dist.put(UncertainParameter.WIND_SCALE, Distribution.normal(values[wind], sigma[wind]));
    }
    int rho = CalibrationParameter.DENSITY_KG_M3.ordinal();
    if (free[rho]) {
      List<Fragment> fs = new ArrayList<>();
      for (Fragment f : fragments) {
        fs.add(new Fragment(f.id(), f.massKg(), values[rho], f.cd(), f.shapeFactor()));
      }
      fragments = List.copyOf(fs);
      if (Double.isFinite(sigma[rho])) {
        dist.put(UncertainParameter.DENSITY_KGM3, Distribution.normal(Double.NaN, sigma[rho]));
      }
    }
    EnsembleConfig e = in.ensemble();
    EnsembleConfig ensemble = new EnsembleConfig(e.mode(), e.samples(), e.randomSeed(),
        e.sampling(), dist, e.windPerturbationSigmaScale(), e.splitRule(), e.massClassEdgesKg(),
        e.samplesPerElement(), e.kmlMaxPoints());
    Map<String, java.nio.file.Path> files = new LinkedHashMap<>(in.files());
    files.put("calibrated_params", calibFile);
    Map<String, String> sha = new LinkedHashMap<>(in.sha256());
    sha.put("calibrated_params", calibSha);
    Event ev = new Event(in.event().eventId(), end, in.event().meta(),
        in.event().heightReference());
    return new RunInputs(ev, in.levels(), physics, fragments, ensemble, files, sha, List.of(),
        null, in.heights(), in.terrain());
  }
}
