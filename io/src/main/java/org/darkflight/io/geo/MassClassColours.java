package org.darkflight.io.geo;

import java.awt.Color;

/**
 * The mass-class colour ramp of spec §7.2: smallest class yellow (255, 255, 0), largest class red
 * (255, 0, 0), green falling linearly with the class index in between (a single class is orange,
 * the midpoint). Shared by the KML styles and the KMZ legend.
 */
public final class MassClassColours {

  private MassClassColours() {}

  /** Opaque sRGB colour of class {@code index} of {@code classCount}. */
  public static Color colour(int index, int classCount) {
    if (classCount < 1 || index < 0 || index >= classCount) {
      throw new IllegalArgumentException(
          "mass class index " + index + " outside [0, " + classCount + ")");
    }
    double t = classCount == 1 ? 0.5 : (double) index / (classCount - 1);
    int green = (int) Math.round(255 * (1 - t));
    return new Color(255, green, 0);
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
