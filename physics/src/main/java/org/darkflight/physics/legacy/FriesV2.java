package org.darkflight.physics.legacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.darkflight.physics.Constants;

/**
 * The "JÖRMUNGANDR v2" slice method as the specification describes it (spec §8, "Legacy parity
 * guardrails"; docs/methodology.md §19): the atmosphere is cut into slices at the sounding
 * levels between the luminous end and the ground; each slice runs from its top ({@code i}) state
 * to its bottom ({@code f}) state and hands {@code f} to the next slice as its {@code i}; forces
 * are resolved along the full path length {@code l} before being split into axis components.
 *
 * <p>Per slice, in this order (the seven steps):
 * <ol>
 *   <li><b>Path geometry</b>: slice thickness {@code h = z_i − z_f}; descent angle
 *       {@code γ = atan2(−v_z, √(v_x² + v_y²))}; path length {@code l = h / sin γ}.</li>
 *   <li><b>Velocity components</b>: speed {@code V = |v_i|}; time in the slice
 *       {@code t = l / V}.</li>
 *   <li><b>Wind decomposition</b>: slice wind = mean of the top and bottom levels' winds, split
 *       into {@code u = −W sin(dir)}, {@code w_n = −W cos(dir)} (wind blows from {@code dir}).</li>
 *   <li><b>Effective wind</b>: air-relative velocity {@code v_r = v_i − (u, w_n, 0)}, speed
 *       {@code V_r}.</li>
 *   <li><b>Drag and acceleration</b>: slice air density {@code ρ = p / (R_d T)} and speed of sound
 *       {@code c = 331.3 √(T / 273.15)} from the mean of top and bottom; Mach {@code V_r / c};
 *       Cd from the workbook's Carter–Jandir–Kress curve; drag {@code F = ½ ρ Cd A V_r²} along
 *       the path, then split: {@code a = −(F/m) v_r / V_r − g ẑ}.</li>
 *   <li><b>Velocity update</b>: {@code v_f = v_i + a t}.</li>
 *   <li><b>Position update</b>: {@code x_f = x_i + v_{x,i} t + ½ a_x t²} (and y);
 *       {@code z_f} is the slice bottom.</li>
 * </ol>
 * The fragment is a sphere: {@code r = (3V/4π)^{1/3}}, {@code A = π r²}.
 */
public final class FriesV2 {

  /** Specific gas constant of dry air, J/(kg·K) (as in the v.42 workbook). */
  public static final double R_DRY_AIR = Constants.LEGACY_WORKBOOK_GAS_CONSTANT_AIR;
  /** Metres per second to miles per hour. */
  public static final double MPS_TO_MPH = 2.2369362920544;

  /** Runs the method. */
  public FriesV2Result run(FriesV2Inputs in) {
    List<FriesV2Inputs.Level> levels = new ArrayList<>(in.levels());
    levels.sort(Comparator.comparingDouble(FriesV2Inputs.Level::altitudeM).reversed());
    double top = levels.get(0).altitudeM();
    double bottom = levels.get(levels.size() - 1).altitudeM();
    if (in.startAltitudeM() > top || in.groundAltitudeM() < bottom) {
      throw new IllegalArgumentException("the sounding (" + bottom + " to " + top
          + " m) must span the start (" + in.startAltitudeM() + " m) and the ground ("
          + in.groundAltitudeM() + " m)");
    }
    // Slice boundaries: start, every level strictly between, ground.
    List<FriesV2Inputs.Level> bounds = new ArrayList<>();
    bounds.add(interpolate(levels, in.startAltitudeM()));
    for (FriesV2Inputs.Level l : levels) {
      if (l.altitudeM() < in.startAltitudeM() && l.altitudeM() > in.groundAltitudeM()) {
        bounds.add(l);
      }
    }
    bounds.add(interpolate(levels, in.groundAltitudeM()));

    double volumeM3 = in.massKg() / in.densityKgM3();
    double radius = Math.cbrt(3 * volumeM3 / (4 * Math.PI));
    double area = Math.PI * radius * radius;
    double az = Math.toRadians(in.azimuthDeg());
    double el = Math.toRadians(in.angleBelowHorizontalDeg());
    double vx = in.speedMps() * Math.cos(el) * Math.sin(az);
    double vy = in.speedMps() * Math.cos(el) * Math.cos(az);
    double vz = -in.speedMps() * Math.sin(el);
    double x = 0;
    double y = 0;
    double t = 0;
    double g = in.gravityMps2();
    List<FriesV2Result.SliceState> states = new ArrayList<>();
    for (int k = 0; k + 1 < bounds.size(); k++) {
      FriesV2Inputs.Level li = bounds.get(k);
      FriesV2Inputs.Level lf = bounds.get(k + 1);
      // 1. path geometry
      double h = li.altitudeM() - lf.altitudeM();
      double horiz = Math.sqrt(vx * vx + vy * vy);
      if (!(vz < 0)) {
        throw new IllegalArgumentException("the fragment stopped descending at "
            + li.altitudeM() + " m; the slice method needs a downward velocity");
      }
      double gamma = Math.atan2(-vz, horiz);
      double l = h / Math.sin(gamma);
      // 2. velocity components and time in the slice
      double speed = Math.sqrt(vx * vx + vy * vy + vz * vz);
      double dt = l / speed;
      // 3. wind decomposition (mean of the slice's top and bottom levels)
      double[] wi = windComponents(li);
      double[] wf = windComponents(lf);
      double windE = (wi[0] + wf[0]) / 2;
      double windN = (wi[1] + wf[1]) / 2;
      // 4. effective wind: air-relative velocity
      double rx = vx - windE;
      double ry = vy - windN;
      double rz = vz;
      double vr = Math.sqrt(rx * rx + ry * ry + rz * rz);
      // 5. drag along the full path, then split into components
      double tK = (li.temperatureK() + lf.temperatureK()) / 2;
      double pPa = (li.pressurePa() + lf.pressurePa()) / 2;
      double rho = pPa / (R_DRY_AIR * tK);
      double sound = 331.3 * Math.sqrt(tK / 273.15);
      double cd = FriesV42.cdOfMach(vr / sound);
      double force = 0.5 * rho * cd * area * vr * vr;
      double aAlong = force / in.massKg();
      double ax = -aAlong * rx / vr;
      double ay = -aAlong * ry / vr;
      double azc = -aAlong * rz / vr - g;
      // 6. velocity update
      double vxf = vx + ax * dt;
      double vyf = vy + ay * dt;
      double vzf = vz + azc * dt;
      // 7. position update; the bottom of the slice is the next slice's top
      x = x + vx * dt + 0.5 * ax * dt * dt;
      y = y + vy * dt + 0.5 * ay * dt * dt;
      t = t + dt;
      vx = vxf;
      vy = vyf;
      vz = vzf;
      states.add(new FriesV2Result.SliceState(lf.altitudeM(), t, x, y, vx, vy, vz));
    }
    FriesV2Inputs.Level ground = bounds.get(bounds.size() - 1);
    double rhoGround = ground.pressurePa() / (R_DRY_AIR * ground.temperatureK());
    double soundGround = 331.3 * Math.sqrt(ground.temperatureK() / 273.15);
    // terminal velocity: two iterations on the Cd curve, starting from Cd = 0.6 as v.42 does
    double vt = Math.sqrt(2 * in.massKg() * g / (rhoGround * area * 0.6));
    vt = Math.sqrt(2 * in.massKg() * g / (rhoGround * area
        * FriesV42.cdOfMach(vt / soundGround)));
    double impact = Math.sqrt(vx * vx + vy * vy + vz * vz);
    return new FriesV2Result(x, y, Math.hypot(x, y), t, impact, impact * MPS_TO_MPH, vt,
        in.densityKgM3() / 1000, volumeM3 * 1e6, radius, area, states);
  }

  /** Wind towards east and north from direction-from and speed. */
  static double[] windComponents(FriesV2Inputs.Level l) {
    double d = Math.toRadians(l.windFromDeg());
    return new double[] {-l.windSpeedMps() * Math.sin(d), -l.windSpeedMps() * Math.cos(d)};
  }

  /** Linear interpolation of every quantity at an altitude (levels sorted top first). */
  static FriesV2Inputs.Level interpolate(List<FriesV2Inputs.Level> levels, double z) {
    for (int k = 0; k + 1 < levels.size(); k++) {
      FriesV2Inputs.Level a = levels.get(k);
      FriesV2Inputs.Level b = levels.get(k + 1);
      if (z <= a.altitudeM() && z >= b.altitudeM()) {
        double f = a.altitudeM() == b.altitudeM() ? 0
            : (z - b.altitudeM()) / (a.altitudeM() - b.altitudeM());
        double[] wa = windComponents(a);
        double[] wb = windComponents(b);
        double u = wb[0] + f * (wa[0] - wb[0]);
        double v = wb[1] + f * (wa[1] - wb[1]);
        double speed = Math.hypot(u, v);
        double from = speed == 0 ? 0 : (Math.toDegrees(Math.atan2(-u, -v)) + 360) % 360;
        return new FriesV2Inputs.Level(z, b.pressurePa() + f * (a.pressurePa() - b.pressurePa()),
            b.temperatureK() + f * (a.temperatureK() - b.temperatureK()), from, speed);
      }
    }
    throw new IllegalArgumentException("altitude " + z + " m is outside the sounding");
  }
}
