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

  /** Runs the workbook's computation. */
  public FriesV42Result run(FriesV42Inputs in) {
    final int n = ROWS;
    // RAOB Used for Calcs!B..G, rows 1..601 (601 is empty).
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
    // RAOB Used for Calcs!N (data flag) and L (top-of-profile flag). Row 1's formulas read rows
    // 2 and 3, as the workbook's do.
    int[] flagN = new int[n + 1];
    int[] flagL = new int[n + 1];
    flagN[0] = c[1] > 0 ? 1 : 0;
    flagL[0] = (c[1] > 0 ? 1 : 0) + (c[2] > 0 ? -1 : 0);
    for (int i = 1; i < n; i++) {
      flagN[i] = c[i] > 0 ? 1 : 0;
      flagL[i] = (c[i] > 0 ? 1 : 0) + (c[i + 1] > 0 ? -1 : 0);
    }

    // particle parameters!B29..B33, F13..F19.
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

    // P,T!D,F,H,J: temperature, kelvin, pressure (kPa), density.
    double[] rho = new double[n + 1];
    double[] sound = new double[n + 1];
    for (int i = 0; i < n; i++) {
      double tC = tDeci[i] / 10;
      double tK = tC + 273.15;
      double pKpa = p[i] / 10;
      rho[i] = flagN[i] == 1
          ? ((pKpa * 1000) / (Constants.LEGACY_WORKBOOK_GAS_CONSTANT_AIR * tK)) : 0;
      // Vz!O: speed of sound.
      sound[i] = 331.3 * Math.sqrt(1 + (tC / 273.15));
    }

    // Vz!I,Q,K,V,X: two-iteration terminal velocity.
    double[] cdTerminal = new double[n + 1];
    double[] vTerminal = new double[n + 1];
    double twoMg = 2 * massKg * in.gravityMps2();
    for (int i = 0; i < n; i++) {
      double v1 = flagN[i] == 1
          ? Math.pow(twoMg / (rho[i] * area * in.firstIterationCd()), 0.5) : 0;
      cdTerminal[i] = cdOfMach(v1 / sound[i]);
      vTerminal[i] = flagN[i] == 1
          ? Math.pow(twoMg / (rho[i] * area * cdTerminal[i]), 0.5) : 0;
    }

    // vertical grid!D (height step) and J (inside the window); B = altitude.
    double[] dz = new double[n + 1];
    boolean[] inWindow = new boolean[n + 1];
    for (int i = 1; i < n; i++) {
      dz[i] = flagN[i] == 1 ? c[i] - c[i - 1] : 0;
    }
    dz[0] = dz[1];
    int rowsInWindow = 0;
    for (int i = 0; i < n; i++) {
      inWindow[i] = c[i] > in.lowAltitudeM() && c[i] < in.highAltitudeM();
      if (inWindow[i]) {
        rowsInWindow++;
      }
    }

    // Vz!AC (vertical speed), AE, AG, AK, AM (deceleration), AO (speed used) and
    // vertical grid!H (time in row), from the top row downwards.
    double[] vz = new double[n + 1];
    double[] az = new double[n + 1];
    double[] dt = new double[n + 1];
    double fallTime = 0;
    double maxVz = Double.NEGATIVE_INFINITY;
    for (int i = n - 1; i >= 0; i--) {
      vz[i] = flagL[i] == 1
          ? in.speedMps() * Math.abs(b30)
          : vz[i + 1] + (az[i + 1] * dt[i + 1]);
      double cd = cdOfMach(vz[i] / sound[i]);
      double force = -(0.5 * rho[i] * area * cd * (vz[i] * vz[i]));
      az[i] = force / massKg;
      double used = vz[i] > vTerminal[i] ? vz[i] : vTerminal[i];
      dt[i] = inWindow[i] ? dz[i] / used : 0;
      double shown = (inWindow[i] ? 1 : 0) * used;
      maxVz = Math.max(maxVz, shown);
    }
    for (int i = 0; i < n; i++) {
      fallTime += dt[i];
    }

    // wind velocity!D,H,L: wind components; J,N: smoothed over three rows.
    double[] windE = new double[n + 1];
    double[] windN = new double[n + 1];
    for (int i = 0; i < n; i++) {
      double speed;
      if (i == 0 && c[i] == 0) {
        speed = Double.NaN; // the workbook shows #DIV/0! here
      } else {
        speed = c[i] == 0 ? 0 : spd[i] / 10;
      }
      windE[i] = Math.cos(radians(dir[i] + 90)) * speed;
      windN[i] = Math.sin(radians(dir[i] - 90)) * speed;
    }
    double[] windESmooth = smooth(windE);
    double[] windNSmooth = smooth(windN);

    // lateral displacement!T,X (velocity), L,N (force), P,R (acceleration), V,Z (row mean),
    // AB,AD (row displacement); summed into AA12, AC12.
    double[] vx = new double[n + 1];
    double[] vy = new double[n + 1];
    double[] ax = new double[n + 1];
    double[] ay = new double[n + 1];
    for (int i = n - 1; i >= 0; i--) {
      vx[i] = flagL[i] == 1 ? xi : vx[i + 1] + (ax[i + 1] * dt[i + 1]);
      vy[i] = flagL[i] == 1 ? yi : vy[i + 1] + (ay[i + 1] * dt[i + 1]);
      double relE = windESmooth[i] - vx[i];
      double relN = windNSmooth[i] - vy[i];
      double fx = flagN[i] == 1
          ? (0.5) * rho[i] * area * cdTerminal[i] * (relE * Math.abs(relE)) : 0;
      double fy = flagN[i] == 1
          ? (0.5) * rho[i] * area * cdTerminal[i] * (relN * Math.abs(relN)) : 0;
      ax[i] = flagN[i] == 1 ? fx / massKg : 0;
      ay[i] = flagN[i] == 1 ? fy / massKg : 0;
    }
    double sumX = 0;
    double sumY = 0;
    for (int i = 0; i < n; i++) {
      double meanX;
      double meanY;
      if (i == 0) {
        meanX = (vx[0] + vx[1]) / 2;
        meanY = (vy[0] + vy[1]) / 2;
      } else {
        meanX = (flagL[i] == 1 ? mean(vx, i - 1, i) : mean(vx, i - 1, i + 1)) * flagN[i];
        meanY = (flagL[i] == 1 ? mean(vy, i - 1, i) : mean(vy, i - 1, i + 1)) * flagN[i];
      }
      sumX += (meanX * dt[i]) + ((0.5 * ax[i]) * (dt[i] * dt[i]));
      sumY += (meanY * dt[i]) + ((0.5 * ay[i]) * (dt[i] * dt[i]));
    }
    if (!Double.isFinite(sumX) || !Double.isFinite(sumY) || !Double.isFinite(fallTime)) {
      throw new IllegalArgumentException("the workbook would show an error value (#DIV/0!) for "
          + "these inputs: check that profile row 1 has an altitude and that every row inside "
          + "the window has a speed");
    }
    return new FriesV42Result(sumX, sumY, in.startEastingM() + sumX, in.startNorthingM() + sumY,
        fallTime, maxVz, area, vTerminal[0], rowsInWindow);
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
