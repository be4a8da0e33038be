package org.darkflight.io.geo;

import java.awt.Color;
import java.util.List;

/**
 * The mass-class colours, shared by the KML styles, the KMZ legend, the search-area folder and
 * {@code report.html}: a categorical palette checked for colour-vision deficiency, handed out to
 * the <b>populated</b> classes only (classes with at least one landing), lightest first, so that
 * the classes on the map get the most distinct colours whatever the bins.
 *
 * <p>Up to {@value #OKABE_ITO_SIZE} populated classes: the Okabe–Ito palette without black (Okabe
 * &amp; Ito, <i>Color Universal Design</i>, 2008; black is dropped because it vanishes on
 * satellite imagery and is the report's text colour). More: Paul Tol's "muted" scheme
 * (<i>Colour Schemes</i>, SRON/EPS/TN/09-002, 2021), nine colours, repeated beyond nine (the
 * per-class folders and labels tell repeated colours apart). {@code MassClassColoursTest}
 * simulates protanopia, deuteranopia and tritanopia (Machado, Oliveira &amp; Fernandes 2009,
 * severity 1) and checks every pair of colours used together stays ≥ 15 CIELAB ΔE*ab apart.
 */
public final class MassClassColours {

  /** Okabe–Ito colours (without black), in the order handed out. */
  public static final List<Color> OKABE_ITO = List.of(new Color(0xE69F00), new Color(0x56B4E9),
      new Color(0x009E73), new Color(0xF0E442), new Color(0x0072B2), new Color(0xD55E00),
      new Color(0xCC79A7));
  /** Tol's muted scheme, in the order handed out when more than seven classes are populated. */
  public static final List<Color> TOL_MUTED = List.of(new Color(0xCC6677), new Color(0x332288),
      new Color(0xDDCC77), new Color(0x117733), new Color(0x88CCEE), new Color(0x882255),
      new Color(0x44AA99), new Color(0x999933), new Color(0xAA4499));
  /** Colour of a class without landings where one must still be drawn (e.g. a nominal waypoint). */
  public static final Color UNPOPULATED = new Color(0x999999);
  static final int OKABE_ITO_SIZE = 7;

  private MassClassColours() {}

  /**
   * The colour of each class, by class index: populated classes get the palette's colours in
   * index order, the others {@link #UNPOPULATED}.
   *
   * @param populated whether each class (by index) has at least one landing
   */
  public static Color[] palette(boolean[] populated) {
    int count = 0;
    for (boolean p : populated) {
      count += p ? 1 : 0;
    }
    List<Color> scheme = count <= OKABE_ITO_SIZE ? OKABE_ITO : TOL_MUTED;
    Color[] out = new Color[populated.length];
    int rank = 0;
    for (int i = 0; i < populated.length; i++) {
      out[i] = populated[i] ? scheme.get(rank++ % scheme.size()) : UNPOPULATED;
    }
    return out;
  }

  /** {@link #palette(boolean[])} of classes with {@code counts[i] > 0} landings. */
  public static Color[] palette(long[] counts) {
    boolean[] populated = new boolean[counts.length];
    for (int i = 0; i < counts.length; i++) {
      populated[i] = counts[i] > 0;
    }
    return palette(populated);
  }

  /** CSS colour text {@code #rrggbb} (lower case). */
  public static String css(Color c) {
    return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(),
        c.getBlue());
  }

  /**
   * KML colour text {@code aabbggrr} (alpha, blue, green, red; KML 2.2 §16.6 kml:color) of an sRGB
   * colour with the given alpha (0-255).
   */
  public static String kmlColour(Color c, int alpha) {
    if (alpha < 0 || alpha > 255) {
      throw new IllegalArgumentException("alpha must be in [0, 255], got " + alpha);
    }
    return String.format(java.util.Locale.ROOT, "%02x%02x%02x%02x", alpha, c.getBlue(),
        c.getGreen(), c.getRed());
  }
}
