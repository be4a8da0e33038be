package org.darkflight.io.heatmap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.kml.KmlGroundOverlay;
import org.darkflight.io.kml.StrewnFieldKml;

/**
 * Turns heatmaps into files: one GeoTIFF per non-empty mass class, named by its mass range
 * ({@code heatmap_1kg-10kg.tif}; {@link #tiffName(String)}), the PNG overlays and legend under {@code media/} (both beside
 * the KML, so {@code strewn_field.kml} finds them, and as KMZ media), and the KML ground overlays.
 */
public final class HeatmapExport {

  /** KMZ/media path of the heatmap legend; also the value of {@code StrewnFieldKml}'s hook. */
  public static final String LEGEND_PATH = StrewnFieldKml.HEATMAP_LEGEND_PATH;
  /** Opacity of the ground overlays. */
  public static final double OPACITY = 0.75;

  /** The KML side: overlays and media (path inside the KMZ → bytes). */
  public record Kml(List<KmlGroundOverlay> overlays, Map<String, byte[]> media) {}

  private HeatmapExport() {}

  /**
   * GeoTIFF name of the class labelled {@code label}: {@code heatmap_<range>.tif}, the label
   * without spaces, en dashes as {@code -}, {@code <} as {@code lt}, {@code >} as {@code gt} and
   * any other character outside {@code [A-Za-z0-9.-]} as {@code _} ("1 kg–10 kg" →
   * {@code heatmap_1kg-10kg.tif}, "&lt;1 g" → {@code heatmap_lt1g.tif}).
   */
  public static String tiffName(String label) {
    StringBuilder b = new StringBuilder("heatmap_");
    for (char c : label.toCharArray()) {
      if (c == ' ') {
        continue;
      }
      if (c == '\u2013' || c == '\u2014' || c == '-') {
        b.append('-');
      } else if (c == '<') {
        b.append("lt");
      } else if (c == '>') {
        b.append("gt");
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.') {
        b.append(c);
      } else {
        b.append('_');
      }
    }
    return b.append(".tif").toString();
  }

  /** PNG media path of class {@code index}. */
  public static String pngPath(int index) {
    return "media/heatmap_class_" + index + ".png";
  }

  /** Renders the overlays, the PNGs and the legend (nothing written). */
  public static Kml kml(GroundHeatmap.Result r) throws IOException {
    HeatmapGrid grid = r.grid();
    List<KmlGroundOverlay> overlays = new ArrayList<>();
    Map<String, byte[]> media = new LinkedHashMap<>();
    List<ClassHeatmap> drawn = new ArrayList<>();
    for (ClassHeatmap m : r.classes()) {
      if (m.landings() == 0) {
        continue;
      }
      drawn.add(m);
      media.put(pngPath(m.massClassIndex()), HeatmapImages.png(grid, m));
      overlays.add(new KmlGroundOverlay("Landing probability: " + m.massClass(),
          pngPath(m.massClassIndex()), grid.northDeg(), grid.southDeg(), grid.eastDeg(),
          grid.westDeg(), OPACITY));
    }
    media.put(LEGEND_PATH, HeatmapImages.legendPng(grid, drawn));
    return new Kml(List.copyOf(overlays), media);
  }

  /** Writes the GeoTIFFs into {@code dir} and returns their paths, lightest class first. */
  public static List<Path> writeTiffs(Path dir, GroundHeatmap.Result r) throws IOException {
    List<Path> out = new ArrayList<>();
    for (ClassHeatmap m : r.classes()) {
      if (m.landings() == 0) {
        continue;
      }
      Path f = dir.resolve(tiffName(m.massClass()));
      if (out.contains(f)) {
        throw new IllegalArgumentException("two mass classes map to the heatmap file "
            + f.getFileName() + "; give the classes distinct labels");
      }
      GeoTiffWriter.write(f, r.grid(), m);
      out.add(f);
    }
    return out;
  }

  /** Writes the media files beside the KML ({@code dir/media/…}) and returns their paths. */
  public static List<Path> writeMedia(Path dir, Kml kml) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : kml.media().entrySet()) {
      Path f = dir.resolve(e.getKey());
      Files.createDirectories(f.getParent());
      AtomicFiles.write(f, e.getValue());
      out.add(f);
    }
    return out;
  }
}
