package org.darkflight.io.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.darkflight.physics.legacy.FriesV2Inputs;

/**
 * Writes a small workbook that implements the spec's v2 slice method with real formulas, one row
 * per slice, the seven steps as columns in their order, each row's final state feeding the next
 * row's initial state. It is an independent statement of the method: the Java {@code FriesV2}
 * is checked against LibreOffice's and POI's recalculation of it.
 */
final class V2WorkbookGenerator {

  /** A test scenario. */
  record Scenario(String name, FriesV2Inputs inputs) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Result cells on sheet "results", in order. */
  static final List<String> RESULTS = List.of("offset_east_m", "offset_north_m", "drift_m",
      "fall_time_s", "impact_speed_mps", "impact_speed_mph", "terminal_velocity_mps",
      "density_gcm3", "volume_cm3", "radius_m", "cross_section_m2");

  private V2WorkbookGenerator() {}

  /** A sounding: base levels interpolated every {@code stepM} metres, top first. */
  static List<FriesV2Inputs.Level> sounding(double topM, double bottomM, double stepM,
      double surfaceWindMps, double jetWindMps, double windFromDeg) {
    List<FriesV2Inputs.Level> out = new ArrayList<>();
    for (double z = topM; z >= bottomM - 1e-9; z -= stepM) {
      // ISA troposphere/lower stratosphere: 6.5 K/km to 11 km, then isothermal
      double t = z < 11_000 ? 288.15 - 0.0065 * z : 216.65;
      double p = z < 11_000 ? 101_325 * Math.pow(t / 288.15, 5.255877)
          : 22_632.06 * Math.exp(-(z - 11_000) / (287.05 * 216.65 / 9.80665));
      double jet = Math.exp(-Math.pow((z - 11_000) / 4000, 2));
      double w = surfaceWindMps + (jetWindMps - surfaceWindMps) * jet;
      double dir = (windFromDeg + z / 1000 * 3) % 360;
      out.add(new FriesV2Inputs.Level(z, p, t, dir, w));
    }
    return out;
  }

  static List<Scenario> scenarios() {
    return List.of(
        new Scenario("1 kg stone, 58.4 deg, 3000 m/s",
            new FriesV2Inputs(1.0, 3320, 16_000, 200, 3000, 3, 58.4, 9.81,
                sounding(16_000, 200, 100, 5, 35, 280))),
        new Scenario("50 g stone, 45 deg, 2500 m/s, jet stream",
            new FriesV2Inputs(0.05, 3300, 15_000, 0, 2500, 250, 45, 9.81,
                sounding(15_000, 0, 50, 8, 60, 260))),
        new Scenario("20 kg iron, 75 deg, 4000 m/s, light wind",
            new FriesV2Inputs(20, 7500, 18_000, 300, 4000, 120, 75, 9.81,
                sounding(18_000, 300, 100, 2, 12, 90))));
  }

  /** Writes the workbook of one scenario (its levels are the slice boundaries). */
  static void write(FriesV2Inputs in, Path file) throws IOException {
    List<FriesV2Inputs.Level> levels = in.levels();
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet inputs = wb.createSheet("inputs");
      String[] names = {"mass_kg", "density_kgm3", "speed_mps", "azimuth_deg", "angle_deg",
          "g_mps2"};
      double[] vals = {in.massKg(), in.densityKgM3(), in.speedMps(), in.azimuthDeg(),
          in.angleBelowHorizontalDeg(), in.gravityMps2()};
      for (int i = 0; i < names.length; i++) {
        Row r = inputs.createRow(i);
        r.createCell(0).setCellValue(names[i]);
        r.createCell(1).setCellValue(vals[i]);
      }
      String[][] derived = {
          {"volume_m3", "B1/B2"},
          {"radius_m", "(3*B7/(4*PI()))^(1/3)"},
          {"area_m2", "PI()*B8^2"},
          {"vx0", "B3*COS(RADIANS(B5))*SIN(RADIANS(B4))"},
          {"vy0", "B3*COS(RADIANS(B5))*COS(RADIANS(B4))"},
          {"vz0", "-B3*SIN(RADIANS(B5))"}};
      for (int i = 0; i < derived.length; i++) {
        Row r = inputs.createRow(6 + i);
        r.createCell(0).setCellValue(derived[i][0]);
        r.createCell(1).setCellFormula(derived[i][1]);
      }
      Sheet lv = wb.createSheet("levels");
      Row h = lv.createRow(0);
      String[] lh = {"altitude_m", "pressure_pa", "temperature_k", "wind_from_deg",
          "wind_speed_mps"};
      for (int c = 0; c < lh.length; c++) {
        h.createCell(c).setCellValue(lh[c]);
      }
      for (int k = 0; k < levels.size(); k++) {
        FriesV2Inputs.Level l = levels.get(k);
        Row r = lv.createRow(k + 1);
        r.createCell(0).setCellValue(l.altitudeM());
        r.createCell(1).setCellValue(l.pressurePa());
        r.createCell(2).setCellValue(l.temperatureK());
        r.createCell(3).setCellValue(l.windFromDeg());
        r.createCell(4).setCellValue(l.windSpeedMps());
      }
      Sheet sl = wb.createSheet("slices");
      String[] sh = {"z_i", "z_f", "vx_i", "vy_i", "vz_i", "x_i", "y_i", "t_i",
          "1 h", "1 horiz", "1 gamma", "1 l", "2 speed", "2 dt", "3 wind_e", "3 wind_n",
          "4 rx", "4 ry", "4 vr", "5 T", "5 p", "5 rho", "5 c", "5 mach", "5 cd", "5 F_along",
          "5 a_along", "5 ax", "5 ay", "5 az", "6 vx_f", "6 vy_f", "6 vz_f", "7 x_f", "7 y_f",
          "7 t_f"};
      Row shr = sl.createRow(0);
      for (int c = 0; c < sh.length; c++) {
        shr.createCell(c).setCellValue(sh[c]);
      }
      int n = levels.size() - 1;
      for (int k = 0; k < n; k++) {
        int row = k + 2; // 1-based sheet row of this slice
        int li = k + 2; // levels row of the top
        int lf = k + 3; // levels row of the bottom
        Row r = sl.createRow(row - 1);
        String[] f = new String[36];
        f[0] = "levels!A" + li;
        f[1] = "levels!A" + lf;
        if (k == 0) {
          f[2] = "inputs!B10";
          f[3] = "inputs!B11";
          f[4] = "inputs!B12";
          f[5] = "0";
          f[6] = "0";
          f[7] = "0";
        } else {
          int p = row - 1;
          f[2] = "AE" + p;
          f[3] = "AF" + p;
          f[4] = "AG" + p;
          f[5] = "AH" + p;
          f[6] = "AI" + p;
          f[7] = "AJ" + p;
        }
        String x = String.valueOf(row);
        f[8] = "A" + x + "-B" + x;
        f[9] = "SQRT(C" + x + "^2+D" + x + "^2)";
        f[10] = "ATAN2(J" + x + ",-E" + x + ")";
        f[11] = "I" + x + "/SIN(K" + x + ")";
        f[12] = "SQRT(C" + x + "^2+D" + x + "^2+E" + x + "^2)";
        f[13] = "L" + x + "/M" + x;
        f[14] = "((-levels!E" + li + "*SIN(RADIANS(levels!D" + li + ")))+(-levels!E" + lf
            + "*SIN(RADIANS(levels!D" + lf + "))))/2";
        f[15] = "((-levels!E" + li + "*COS(RADIANS(levels!D" + li + ")))+(-levels!E" + lf
            + "*COS(RADIANS(levels!D" + lf + "))))/2";
        f[16] = "C" + x + "-O" + x;
        f[17] = "D" + x + "-P" + x;
        f[18] = "SQRT(Q" + x + "^2+R" + x + "^2+E" + x + "^2)";
        f[19] = "(levels!C" + li + "+levels!C" + lf + ")/2";
        f[20] = "(levels!B" + li + "+levels!B" + lf + ")/2";
        f[21] = "U" + x + "/(287.05*T" + x + ")";
        f[22] = "331.3*SQRT(T" + x + "/273.15)";
        f[23] = "S" + x + "/W" + x;
        f[24] = "IF(X" + x + "<0.722,0.45*X" + x + "^2+0.424,2.1*EXP(-1.2*(X" + x
            + "+0.35))-8.9*EXP(-2.2*(X" + x + "+0.35))+0.92)";
        f[25] = "0.5*V" + x + "*Y" + x + "*inputs!$B$9*S" + x + "^2";
        f[26] = "Z" + x + "/inputs!$B$1";
        f[27] = "-AA" + x + "*Q" + x + "/S" + x;
        f[28] = "-AA" + x + "*R" + x + "/S" + x;
        f[29] = "-AA" + x + "*E" + x + "/S" + x + "-inputs!$B$6";
        f[30] = "C" + x + "+AB" + x + "*N" + x;
        f[31] = "D" + x + "+AC" + x + "*N" + x;
        f[32] = "E" + x + "+AD" + x + "*N" + x;
        f[33] = "F" + x + "+C" + x + "*N" + x + "+0.5*AB" + x + "*N" + x + "^2";
        f[34] = "G" + x + "+D" + x + "*N" + x + "+0.5*AC" + x + "*N" + x + "^2";
        f[35] = "H" + x + "+N" + x;
        for (int c = 0; c < f.length; c++) {
          r.createCell(c).setCellFormula(f[c]);
        }
      }
      int last = n + 1;
      int g = levels.size() + 1; // levels row of the ground
      Sheet res = wb.createSheet("results");
      String[] rf = {
          "slices!AH" + last, "slices!AI" + last, "SQRT(B1^2+B2^2)", "slices!AJ" + last,
          "SQRT(slices!AE" + last + "^2+slices!AF" + last + "^2+slices!AG" + last + "^2)",
          "B5*2.2369362920544",
          "SQRT(2*inputs!B1*inputs!B6/(C13*inputs!B9*IF(C15<0.722,0.45*C15^2+0.424,"
              + "2.1*EXP(-1.2*(C15+0.35))-8.9*EXP(-2.2*(C15+0.35))+0.92)))",
          "inputs!B2/1000", "inputs!B7*1000000", "inputs!B8", "inputs!B9"};
      for (int i = 0; i < rf.length; i++) {
        Row r = res.createRow(i);
        r.createCell(0).setCellValue(RESULTS.get(i));
        r.createCell(1).setCellFormula(rf[i]);
      }
      // helper cells for the terminal velocity: ground density, sound speed, first iteration
      res.getRow(0).createCell(2).setCellFormula("levels!B" + g);
      res.getRow(1).createCell(2).setCellFormula("levels!C" + g);
      Row h13 = res.createRow(12);
      h13.createCell(2).setCellFormula("C1/(287.05*C2)");
      Row h14 = res.createRow(13);
      h14.createCell(2).setCellFormula("331.3*SQRT(C2/273.15)");
      Row h15 = res.createRow(14);
      h15.createCell(2).setCellFormula("SQRT(2*inputs!B1*inputs!B6/(C13*inputs!B9*0.6))/C14");
      try (OutputStream out = Files.newOutputStream(file)) {
        wb.write(out);
      }
    }
  }
}
