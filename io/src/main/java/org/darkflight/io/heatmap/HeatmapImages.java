package org.darkflight.io.heatmap;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * PNG renderings of the heatmaps for KML ground overlays: one pixel per cell, colour from the
 * ColorBrewer YlOrRd sequential scheme (Brewer, colorbrewer2.org, 5 classes) by the cell's
 * probability relative to the class's peak cell, transparent below {@value #FLOOR} of the peak;
 * and a legend image with the ramp and each class's peak cell probability.
 */
public final class HeatmapImages {

  /** Cells below this fraction of the class's peak are transparent. */
  public static final double FLOOR = 0.01;
  private static final int[][] RAMP = {
      {255, 255, 178}, {254, 204, 92}, {253, 141, 60}, {240, 59, 32}, {189, 0, 38}};

  private HeatmapImages() {}

  /** ARGB colour of relative level {@code t} in [0, 1] (0 = transparent). */
  public static int argb(double t) {
    if (!(t >= FLOOR)) {
      return 0;
    }
    double x = Math.min(1, t) * (RAMP.length - 1);
    int i = Math.min(RAMP.length - 2, (int) Math.floor(x));
    double f = x - i;
    int r = (int) Math.round(RAMP[i][0] + f * (RAMP[i + 1][0] - RAMP[i][0]));
    int g = (int) Math.round(RAMP[i][1] + f * (RAMP[i + 1][1] - RAMP[i][1]));
    int bl = (int) Math.round(RAMP[i][2] + f * (RAMP[i + 1][2] - RAMP[i][2]));
    int a = (int) Math.round(60 + 195 * Math.min(1, t));
    return (a << 24) | (r << 16) | (g << 8) | bl;
  }

  /** The overlay image of one class (columns × rows pixels, row 0 north). */
  public static byte[] png(HeatmapGrid grid, ClassHeatmap map) throws IOException {
    BufferedImage img = new BufferedImage(grid.columns(), grid.rows(),
        BufferedImage.TYPE_INT_ARGB);
    double max = map.max();
    double[] p = map.probability();
    for (int r = 0; r < grid.rows(); r++) {
      for (int c = 0; c < grid.columns(); c++) {
        img.setRGB(c, r, max > 0 ? argb(p[grid.index(r, c)] / max) : 0);
      }
    }
    return encode(img);
  }

  /** The legend: title, ramp from 1 % to 100 % of the peak, one line per class with its peak. */
  public static byte[] legendPng(HeatmapGrid grid, List<ClassHeatmap> maps) throws IOException {
    int width = 360;
    int rowPx = 20;
    int height = 10 + rowPx * 3 + 30 + rowPx * maps.size() + 10;
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
          RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
      g.drawString("Landing probability per cell", 10, 10 + 14);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      g.drawString(String.format(Locale.ROOT, "cell %.0f m; colour relative to class peak",
          grid.cellM()), 10, 10 + rowPx + 14);
      int barY = 10 + rowPx * 2 + 4;
      int barW = width - 20;
      for (int x = 0; x < barW; x++) {
        double t = FLOOR + (1 - FLOOR) * x / (barW - 1.0);
        g.setColor(new Color(argb(t), true));
        g.fillRect(10 + x, barY, 1, 16);
      }
      g.setColor(Color.DARK_GRAY);
      g.setStroke(new BasicStroke(1));
      g.drawRect(10, barY, barW - 1, 16);
      g.setColor(Color.BLACK);
      g.drawString("1 %", 10, barY + 32);
      g.drawString("50 %", 10 + barW / 2 - 12, barY + 32);
      g.drawString("100 % of peak", 10 + barW - 80, barY + 32);
      int y = 10 + rowPx * 3 + 30;
      for (ClassHeatmap m : maps) {
        g.drawString(String.format(Locale.ROOT, "%s: peak %.3g per cell (%d landings)",
            m.massClass(), m.max(), m.landings()), 10, y + 4);
        y += rowPx;
      }
    } finally {
      g.dispose();
    }
    return encode(img);
  }

  private static byte[] encode(BufferedImage img) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(img, "png", out)) {
      throw new IOException("no PNG writer available");
    }
    return out.toByteArray();
  }
}
