package org.darkflight.physics.legacy;

import java.util.List;
import org.darkflight.physics.Constants;

/**
 * The dark-flight method of Dr. Marc Fries' workbook "JÖRMUNGANDR v.42" (Park Forest 2003 file),
 * reproduced formula by formula. Every array below is one workbook column over rows 1–600 (index
 * 0 = row 1; index 600 stands for the empty row 601 the formulas read past the end); the javadoc
 * of each step names the cells it reproduces. See docs/methodology.md §19 for the derivation.
 *
 * <p>The method integrates the vertical and the horizontal motion separately, row by row from the
 * top of the profile (the row whose flag {@code RAOB Used for Calcs!L} is 1) downwards: the
 * vertical speed only decelerates by drag (no gravity term) and never drops below the terminal
 * velocity; the time spent in a row is the row's height step over that speed, counted only while
 * the altitude is inside the window (B18, B19); the horizontal velocity relaxes towards the
 * three-row-smoothed wind by drag with the terminal-velocity drag coefficient, and the
 * displacement is the sum of {@code v·t + a·t²/2} over the rows.
 *
 * <p>Instances are stateless; {@link #run} is a pure function.
 */
public final class FriesV42 {

  /** Number of rows every column of the workbook computes. */
  public static final int ROWS = 600;

  /** Sheet {@code Vz}, column K/AG: Mach-dependent drag coefficient of Carter, Jandir &amp; Kress
   * (LPSC 2009) as typed in the workbook. */
  static double cdOfMach(double mach) {
    if (mach < 0.722) {
      return (0.45 * (mach * mach)) + 0.424;
    }
    return (2.1 * Math.exp(-1.2 * (mach + 0.35))) - (8.9 * Math.exp(-2.2 * (mach + 0.35))) + 0.92;
  }

  /** Excel's RADIANS. */
  private static double radians(double deg) {
    return deg * Math.PI / 180.0;
  }

  /** RAOB Used for Calcs!B..G, rows 1..601 (index 600 and 601 empty). */
  private record Raob(double[] pressureHpa, double[] altitudeM, double[] temperatureDeciC,
      double[] windFromDeg, double[] windSpeedDeciMps) {}

  /** RAOB Used for Calcs!N (1 on data rows) and L (1 on the top data row). */
  private record Flags(int[] data, int[] top) {}

  /**
   * particle parameters!F13..F19, B29..B33: the sphere and its entry velocity.
   *
   * @param massKg      B21 / 1000
   * @param areaM2      F19, cross-section
   * @param eastMps     Xi (B31), eastward entry speed
   * @param northMps    Yi (B32), northward entry speed
   * @param verticalSin B30 = Zi / V0, the (negative) sine of the entry angle
   */
  private record Body(double massKg, double areaM2, double eastMps, double northMps,
      double verticalSin) {}

  /** P,T!J (density, 0 off the data) and Vz!O (speed of sound). */
  private record Air(double[] densityKgM3, double[] soundMps) {}

  /** Vz!K (second-iteration Cd) and X (terminal velocity). */
  private record Terminal(double[] cd, double[] velocityMps) {}

  /** vertical grid!D (height step) and J (inside the window). */
  private record Window(double[] dzM, boolean[] inside, int rows) {}

  /** vertical grid!H (time in row), its sum B12 and the window's largest speed B13. */
  private record Vertical(double[] dtS, double fallTimeS, double maxSpeedMps) {}

  /** lateral displacement!T,X (velocity) and P,R (acceleration). */
  private record Horizontal(double[] vx, double[] vy, double[] ax, double[] ay) {}

  /**
   * Runs the workbook's computation, in the workbook's solve order (docs/methodology.md §19.1):
   * flags, sphere and entry velocity, air, terminal velocity, window, vertical speed and time,
   * wind and its smoothing, horizontal drag and speed, row displacement, landing.
   */
  public FriesV42Result run(FriesV42Inputs in) {
    Raob raob = raob(in);
    Flags flags = flags(raob.altitudeM());
    Body body = body(in);
    Air air = air(raob, flags);
    Terminal terminal = terminalVelocity(in, body, air, flags);
    Window window = window(in, raob.altitudeM(), flags);
    Vertical vertical = verticalMotion(in, body, air, terminal, window, flags);
    double[] windESmooth = smooth(windComponent(raob, true));
    double[] windNSmooth = smooth(windComponent(raob, false));
    Horizontal h = horizontalMotion(body, air, terminal, vertical, flags, windESmooth,
        windNSmooth);
    double sumX = displacement(h.vx(), h.ax(), vertical.dtS(), flags);
    double sumY = displacement(h.vy(), h.ay(), vertical.dtS(), flags);
    if (!Double.isFinite(sumX) || !Double.isFinite(sumY)
        || !Double.isFinite(vertical.fallTimeS())) {
      throw new IllegalArgumentException("the workbook would show an error value (#DIV/0!) for "
          + "these inputs: check that profile row 1 has an altitude and that every row inside "
          + "the window has a speed");
    }
    return new FriesV42Result(sumX, sumY, in.startEastingM() + sumX, in.startNorthingM() + sumY,
        vertical.fallTimeS(), vertical.maxSpeedMps(), body.areaM2(), terminal.velocityMps()[0],
        window.rows());
  }

  /** RAOB Used for Calcs!B..G: the pasted profile, zero below its last row. */
  private static Raob raob(FriesV42Inputs in) {
    int n = ROWS;
    double[] p = new double[n + 2];
    double[] c = new double[n + 2];
    double[] tDeci = new double[n + 2];
    double[] dir = new double[n + 2];
    double[] spd = new double[n + 2];
    List<RaobRow> prof = in.profile();
    for (int i = 0; i < prof.size(); i++) {
      RaobRow r = prof.get(i);
      p[i] = r.pressureHpa();
      c[i] = r.altitudeM();
      tDeci[i] = r.temperatureDeciC();
      dir[i] = r.windFromDeg();
      spd[i] = r.windSpeedDeciMps();
    }
    return new Raob(p, c, tDeci, dir, spd);
  }

  /**
   * RAOB Used for Calcs!N (data flag) and L (top-of-profile flag). Row 1's formulas read rows 2
   * and 3, as the workbook's do.
   */
  private static Flags flags(double[] c) {
    int n = ROWS;
    int[] flagN = new int[n + 1];
    int[] flagL = new int[n + 1];
    flagN[0] = c[1] > 0 ? 1 : 0;
    flagL[0] = (c[1] > 0 ? 1 : 0) + (c[2] > 0 ? -1 : 0);
    for (int i = 1; i < n; i++) {
      flagN[i] = c[i] > 0 ? 1 : 0;
      flagL[i] = (c[i] > 0 ? 1 : 0) + (c[i + 1] > 0 ? -1 : 0);
    }
    return new Flags(flagN, flagL);
  }

  /** particle parameters!B29..B33, F13..F19: sphere of the given density, entry velocity. */
  private static Body body(FriesV42Inputs in) {
    double massKg = in.massG() / 1000;
    double b29 = Math.cos(radians(in.angleBelowHorizontalDeg()));
    double b33 = -(Math.sin(radians(in.angleBelowHorizontalDeg()))) * in.speedMps();
    double b30 = b33 / in.speedMps();
    double xi = Math.sin(radians(in.azimuthDeg())) * (in.speedMps() * b29);
    double yi = Math.cos(radians(in.azimuthDeg())) * (in.speedMps() * b29);
    double volumeCm3 = in.massG() / in.densityGcm3();
    double radiusCm = Math.pow(volumeCm3 / 4.1866667, 1.0 / 3.0);
    double radiusM = radiusCm / 100;
    double area = 3.14 * Math.pow(radiusM, 2);
    return new Body(massKg, area, xi, yi, b30);
  }

  /** P,T!D,F,H,J: temperature, kelvin, pressure (kPa), density; Vz!O: speed of sound. */
  private static Air air(Raob raob, Flags flags) {
    int n = ROWS;
    double[] rho = new double[n + 1];
    double[] sound = new double[n + 1];
    for (int i = 0; i < n; i++) {
      double tC = raob.temperatureDeciC()[i] / 10;
      double tK = tC + 273.15;
      double pKpa = raob.pressureHpa()[i] / 10;
      rho[i] = flags.data()[i] == 1
          ? ((pKpa * 1000) / (Constants.LEGACY_WORKBOOK_GAS_CONSTANT_AIR * tK)) : 0;
      // Vz!O: speed of sound.
      sound[i] = 331.3 * Math.sqrt(1 + (tC / 273.15));
    }
    return new Air(rho, sound);
  }

  /** Vz!I,Q,K,V,X: two-iteration terminal velocity. */
  private static Terminal terminalVelocity(FriesV42Inputs in, Body body, Air air, Flags flags) {
    int n = ROWS;
    double[] rho = air.densityKgM3();
    double[] cdTerminal = new double[n + 1];
    double[] vTerminal = new double[n + 1];
    double twoMg = 2 * body.massKg() * in.gravityMps2();
    for (int i = 0; i < n; i++) {
      double v1 = flags.data()[i] == 1
          ? Math.pow(twoMg / (rho[i] * body.areaM2() * in.firstIterationCd()), 0.5) : 0;
      cdTerminal[i] = cdOfMach(v1 / air.soundMps()[i]);
      vTerminal[i] = flags.data()[i] == 1
          ? Math.pow(twoMg / (rho[i] * body.areaM2() * cdTerminal[i]), 0.5) : 0;
    }
    return new Terminal(cdTerminal, vTerminal);
  }

  /** vertical grid!D (height step) and J (inside the window); B = altitude. */
  private static Window window(FriesV42Inputs in, double[] c, Flags flags) {
    int n = ROWS;
    double[] dz = new double[n + 1];
    boolean[] inWindow = new boolean[n + 1];
    for (int i = 1; i < n; i++) {
      dz[i] = flags.data()[i] == 1 ? c[i] - c[i - 1] : 0;
    }
    dz[0] = dz[1];
    int rowsInWindow = 0;
    for (int i = 0; i < n; i++) {
      inWindow[i] = c[i] > in.lowAltitudeM() && c[i] < in.highAltitudeM();
      if (inWindow[i]) {
        rowsInWindow++;
      }
    }
    return new Window(dz, inWindow, rowsInWindow);
  }

  /**
   * Vz!AC (vertical speed), AE, AG, AK, AM (deceleration), AO (speed used) and vertical grid!H
   * (time in row), from the top row downwards; the fall time G13 and the largest speed AR4.
   */
  private static Vertical verticalMotion(FriesV42Inputs in, Body body, Air air,
      Terminal terminal, Window window, Flags flags) {
    int n = ROWS;
    double[] rho = air.densityKgM3();
    double[] vz = new double[n + 1];
    double[] az = new double[n + 1];
    double[] dt = new double[n + 1];
    double maxVz = Double.NEGATIVE_INFINITY;
    for (int i = n - 1; i >= 0; i--) {
      vz[i] = flags.top()[i] == 1
          ? in.speedMps() * Math.abs(body.verticalSin())
          : vz[i + 1] + (az[i + 1] * dt[i + 1]);
      double cd = cdOfMach(vz[i] / air.soundMps()[i]);
      double force = -(0.5 * rho[i] * body.areaM2() * cd * (vz[i] * vz[i]));
      az[i] = force / body.massKg();
      double used = vz[i] > terminal.velocityMps()[i] ? vz[i] : terminal.velocityMps()[i];
      dt[i] = window.inside()[i] ? window.dzM()[i] / used : 0;
      double shown = (window.inside()[i] ? 1 : 0) * used;
      maxVz = Math.max(maxVz, shown);
    }
    double fallTime = 0;
    for (int i = 0; i < n; i++) {
      fallTime += dt[i];
    }
    return new Vertical(dt, fallTime, maxVz);
  }

  /** wind velocity!D,H (east) or D,L (north): the wind component of each row. */
  private static double[] windComponent(Raob raob, boolean east) {
    int n = ROWS;
    double[] c = raob.altitudeM();
    double[] out = new double[n + 1];
    for (int i = 0; i < n; i++) {
      double speed;
      if (i == 0 && c[i] == 0) {
        speed = Double.NaN; // the workbook shows #DIV/0! here
      } else {
        speed = c[i] == 0 ? 0 : raob.windSpeedDeciMps()[i] / 10;
      }
      double dir = raob.windFromDeg()[i];
      out[i] = east ? Math.cos(radians(dir + 90)) * speed : Math.sin(radians(dir - 90)) * speed;
    }
    return out;
  }

  /**
   * lateral displacement!T,X (velocity), L,N (force), P,R (acceleration), from the top row
   * downwards; each axis braked by its own relative speed with the terminal-velocity Cd.
   */
  private static Horizontal horizontalMotion(Body body, Air air, Terminal terminal,
      Vertical vertical, Flags flags, double[] windESmooth, double[] windNSmooth) {
    int n = ROWS;
    int[] flagN = flags.data();
    double[] rho = air.densityKgM3();
    double[] cdTerminal = terminal.cd();
    double[] dt = vertical.dtS();
    double area = body.areaM2();
    double massKg = body.massKg();
    double[] vx = new double[n + 1];
    double[] vy = new double[n + 1];
    double[] ax = new double[n + 1];
    double[] ay = new double[n + 1];
    for (int i = n - 1; i >= 0; i--) {
      vx[i] = flags.top()[i] == 1 ? body.eastMps() : vx[i + 1] + (ax[i + 1] * dt[i + 1]);
      vy[i] = flags.top()[i] == 1 ? body.northMps() : vy[i + 1] + (ay[i + 1] * dt[i + 1]);
      double relE = windESmooth[i] - vx[i];
      double relN = windNSmooth[i] - vy[i];
      double fx = flagN[i] == 1
          ? (0.5) * rho[i] * area * cdTerminal[i] * (relE * Math.abs(relE)) : 0;
      double fy = flagN[i] == 1
          ? (0.5) * rho[i] * area * cdTerminal[i] * (relN * Math.abs(relN)) : 0;
      ax[i] = flagN[i] == 1 ? fx / massKg : 0;
      ay[i] = flagN[i] == 1 ? fy / massKg : 0;
    }
    return new Horizontal(vx, vy, ax, ay);
  }

  /**
   * lateral displacement!V,Z (row mean velocity) and AB,AD (row displacement
   * {@code v̄·t + a·t²/2}), summed into AA12 (east) or AC12 (north).
   */
  private static double displacement(double[] v, double[] a, double[] dt, Flags flags) {
    double sum = 0;
    for (int i = 0; i < ROWS; i++) {
      double mean;
      if (i == 0) {
        mean = (v[0] + v[1]) / 2;
      } else {
        mean = (flags.top()[i] == 1 ? mean(v, i - 1, i) : mean(v, i - 1, i + 1))
            * flags.data()[i];
      }
      sum += (mean * dt[i]) + ((0.5 * a[i]) * (dt[i] * dt[i]));
    }
    return sum;
  }

  /** Excel AVERAGE over rows {@code from..to} (0-based, inclusive); row 601 is empty and skipped. */
  private static double mean(double[] col, int from, int to) {
    double sum = 0;
    int count = 0;
    for (int i = from; i <= to; i++) {
      if (i < ROWS) {
        sum += col[i];
        count++;
      }
    }
    return sum / count;
  }

  /** wind velocity!J1:J600 (and N): the workbook's three-row smoothing, quirks included. */
  private static double[] smooth(double[] h) {
    int n = ROWS;
    double[] out = new double[n + 1];
    out[0] = mean(h, 0, 1);
    out[1] = mean(h, 0, 2);
    for (int i = 2; i < 199; i++) {
      // rows 3..199: the next row's component must be > 0 (not merely non-zero) for a
      // three-row mean, as typed in the workbook.
      out[i] = h[i] == 0 ? 0 : (h[i + 1] > 0 ? mean(h, i - 1, i + 1) : mean(h, i - 1, i));
    }
    for (int i = 199; i < n; i++) {
      out[i] = mean(h, i - 1, i);
    }
    return out;
  }
}
