package org.darkflight.io.kml;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.darkflight.io.geo.MassClassColours;
import org.darkflight.io.geo.MassClasses;

/**
 * Draws {@code media/legend.png} of the KMZ with Java2D (no display needed): a title row, one row
 * per mass class with landings (colour swatch + label, smallest first; the palette of
 * {@link MassClassColours}), one row for the uncertainty-ellipse styles (line widths per
 * confidence level) and one for the trajectory style.
 *
 * <p>Layout: {@value #WIDTH_PX} px wide, {@code 2·}{@value #PADDING_PX}{@code  + }{@value
 * #ROW_PX}{@code ·(populated classes + 3)} px high; opaque RGB. Labels use the logical {@code SansSerif}
 * font (DejaVu Sans on Debian), so the pixels, though deterministic on one machine, depend on
 * the installed fonts.
 */
public final class LegendImage {

  /** Image width, px. */
  public static final int WIDTH_PX = 360;
  /** Height of one row, px. */
  public static final int ROW_PX = 24;
  /** Margin around the rows, px. */
  public static final int PADDING_PX = 10;

  private LegendImage() {}

  /** Height for {@code classCount} mass classes, px. */
  public static int heightPx(int classCount) {
    return 2 * PADDING_PX + ROW_PX * (classCount + 3);
  }

  /**
   * The legend as PNG bytes.
   *
   * @param totals landings per class (classes without landings are left out)
   * @param levels confidence levels of the ellipses, ascending
   */
  public static byte[] png(MassClasses classes, long[] totals, List<Double> levels,
      String ellipseLabel) throws IOException {
    int n = classes.size();
    Color[] palette = MassClassColours.palette(totals);
    int populated = 0;
    for (long t : totals) {
      populated += t > 0 ? 1 : 0;
    }
    BufferedImage img = new BufferedImage(WIDTH_PX, heightPx(populated),
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
          RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, img.getWidth(), img.getHeight());
      g.setColor(Color.DARK_GRAY);
      g.drawRect(0, 0, img.getWidth() - 1, img.getHeight() - 1);
      Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
      g.setFont(plain.deriveFont(Font.BOLD));
      int y = PADDING_PX;
      text(g, "Mass class (final mass)", PADDING_PX, y);
      g.setFont(plain);
      for (int i = 0; i < n; i++) {
        if (totals[i] == 0) {
          continue;
        }
        y += ROW_PX;
        Color c = palette[i];
        g.setColor(c);
        g.fillOval(PADDING_PX + 2, y + 4, 16, 16);
        g.setColor(Color.DARK_GRAY);
        g.drawOval(PADDING_PX + 2, y + 4, 16, 16);
        text(g, classes.label(i), PADDING_PX + 28, y);
      }
      y += ROW_PX;
      // one nested outline per level, boldest innermost, in the text colour (class colours vary)
      for (int k = Math.min(levels.size(), 3) - 1; k >= 0; k--) {
        int inset = 2 * k;
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke((float) StrewnFieldKml.ELLIPSE_WIDTH[k]));
        g.drawOval(PADDING_PX + 4 - inset, y + 6 - inset, 12 + 2 * inset, 12 + 2 * inset);
      }
      text(g, ellipseLabel + (levels.size() > 1 ? ", bold = inner" : ""), PADDING_PX + 28, y);
      y += ROW_PX;
      g.setColor(new Color(0x88, 0x88, 0xFF));
      g.setStroke(new BasicStroke(2f));
      g.drawLine(PADDING_PX, y + 12, PADDING_PX + 20, y + 12);
      text(g, "Trajectory (representative mass)", PADDING_PX + 28, y);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(img, "png", out)) {
      throw new IOException("no PNG writer available in ImageIO");
    }
    return out.toByteArray();
  }

  private static void text(Graphics2D g, String s, int x, int rowTop) {
    g.setColor(Color.BLACK);
    int baseline = rowTop + (ROW_PX + g.getFontMetrics().getAscent()
        - g.getFontMetrics().getDescent()) / 2;
    g.drawString(s, x, baseline);
  }
}
