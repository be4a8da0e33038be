package org.darkflight.io.geo;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.awt.Color;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The mass-class palette: populated classes only, and every pair of colours used together stays
 * distinguishable for normal vision and under simulated protanopia, deuteranopia and tritanopia
 * (Machado, Oliveira &amp; Fernandes, "A physiologically-based model for simulation of color vision
 * deficiency", IEEE TVCG 15(6), 2009; severity 1.0 matrices, applied to linear sRGB), measured as
 * CIELAB ΔE*ab (CIE 1976, D65).
 */
class MassClassColoursTest {

  /** ΔE*ab below which two categorical colours are taken as too close (2.3 = just noticeable). */
  private static final double MIN_DELTA_E = 15;

  private static final Map<String, double[][]> VISION = Map.of(
      "normal", new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
      "protanopia", new double[][] {{0.152286, 1.052583, -0.204868},
          {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}},
      "deuteranopia", new double[][] {{0.367322, 0.860646, -0.227968},
          {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}},
      "tritanopia", new double[][] {{1.255528, -0.076749, -0.178779},
          {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}});

  @Test
  void onlyPopulatedClassesTakeColoursInIndexOrder() {
    Color[] p = MassClassColours.palette(new long[] {0, 0, 5, 0, 7, 1, 0, 0, 0, 0, 0});
    assertThat(p.length, equalTo(11));
    assertThat(p[2], equalTo(MassClassColours.OKABE_ITO.get(0)));
    assertThat(p[4], equalTo(MassClassColours.OKABE_ITO.get(1)));
    assertThat(p[5], equalTo(MassClassColours.OKABE_ITO.get(2)));
    assertThat(p[0], equalTo(MassClassColours.UNPOPULATED));
    assertThat(p[10], equalTo(MassClassColours.UNPOPULATED));
  }

  @Test
  void morePopulatedClassesSwitchToTolMuted() {
    boolean[] all = new boolean[9];
    java.util.Arrays.fill(all, true);
    Color[] p = MassClassColours.palette(all);
    assertThat(new HashSet<>(List.of(p)).size(), equalTo(9));
    assertThat(p[0], equalTo(MassClassColours.TOL_MUTED.get(0)));
  }

  @Test
  void coloursUsedTogetherStayApartUnderColourVisionDeficiency() {
    for (int n = 2; n <= 9; n++) {
      boolean[] populated = new boolean[n];
      java.util.Arrays.fill(populated, true);
      Color[] p = MassClassColours.palette(populated);
      for (Map.Entry<String, double[][]> v : VISION.entrySet()) {
        for (int i = 0; i < n; i++) {
          for (int j = i + 1; j < n; j++) {
            double d = deltaE(lab(p[i], v.getValue()), lab(p[j], v.getValue()));
            assertThat(n + " classes, " + v.getKey() + ": " + MassClassColours.css(p[i])
                + " vs " + MassClassColours.css(p[j]), d, greaterThanOrEqualTo(MIN_DELTA_E));
          }
        }
      }
    }
  }

  @Test
  void cssColoursAreLowerCaseHex() {
    assertThat(MassClassColours.css(new Color(0xE69F00)), equalTo("#e69f00"));
  }

  private static double linear(int c) {
    double s = c / 255.0;
    return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  }

  private static double[] lab(Color c, double[][] m) {
    double[] rgb = {linear(c.getRed()), linear(c.getGreen()), linear(c.getBlue())};
    double[] s = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2];
      s[i] = Math.max(0, Math.min(1, v));
    }
    double x = 0.4124 * s[0] + 0.3576 * s[1] + 0.1805 * s[2];
    double y = 0.2126 * s[0] + 0.7152 * s[1] + 0.0722 * s[2];
    double z = 0.0193 * s[0] + 0.1192 * s[1] + 0.9505 * s[2];
    double fx = f(x / 0.95047);
    double fy = f(y);
    double fz = f(z / 1.08883);
    return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
  }

  private static double f(double t) {
    return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
  }

  private static double deltaE(double[] a, double[] b) {
    return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1])
        + (a[2] - b[2]) * (a[2] - b[2]));
  }
}
