package org.darkflight.io.heatmap;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.darkflight.io.geo.GeoFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GDAL's {@code gdalinfo} (Debian {@code gdal-bin}) as an independent reader of the heatmap
 * GeoTIFF: size, CRS, geotransform against the grid, the pixel sum (mean × cells) = 1, the
 * tiled DEFLATE layout, every pixel (and every overview pixel) bit-equal to the values written,
 * and GDAL's Cloud-Optimized GeoTIFF validator where its Python module is installed. Skipped
 * where gdalinfo is not installed; CI installs it. The COG structure (IFDs before data) is also
 * checked here without GDAL, in {@link GeoTiffLayoutTest}.
 */
class GeoTiffGdalTest {

  @TempDir
  Path dir;

  @Test
  void gdalReadsTheHeatmap() throws Exception {
    assumeTrue(onPath("gdalinfo"), "gdalinfo not found: apt-get install gdal-bin");
    GroundHeatmap.Result r = GroundHeatmap.build(GeoFixtures.points(800), GeoFixtures.CLASSES,
        GroundHeatmapTest.ORIGIN, HeatmapOptions.kernel(150));
    List<Path> tiffs = HeatmapExport.writeTiffs(dir, r);
    assertThat(tiffs.isEmpty(), equalTo(false));
    HeatmapGrid g = r.grid();
    for (Path t : tiffs) {
      Process p = new ProcessBuilder("gdalinfo", "-json", "-stats", t.toString())
          .redirectErrorStream(false).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(err, p.waitFor(), equalTo(0));
      assertThat("gdal warnings: " + err, err.contains("Warning"), equalTo(false));
      JsonNode j = new ObjectMapper().readTree(out);
      assertThat(j.get("size").get(0).asInt(), equalTo(g.columns()));
      assertThat(j.get("size").get(1).asInt(), equalTo(g.rows()));
      assertThat(j.get("coordinateSystem").get("wkt").asText(), containsString("4326"));
      JsonNode gt = j.get("geoTransform");
      assertThat(gt.get(0).asDouble(), closeTo(g.westDeg(), 1e-9));
      assertThat(gt.get(1).asDouble(), closeTo(g.cellLonDeg(), 1e-12));
      assertThat(gt.get(3).asDouble(), closeTo(g.northDeg(), 1e-9));
      assertThat(gt.get(5).asDouble(), closeTo(-g.cellLatDeg(), 1e-12));
      JsonNode band = j.get("bands").get(0);
      assertThat(band.get("type").asText(), equalTo("Float32"));
      // the "mean" member is rounded to 3 decimals; the metadata carries the full value
      double mean = Double.parseDouble(band.get("metadata").get("").get("STATISTICS_MEAN")
          .asText());
      assertThat("pixel sum of " + t.getFileName(), mean * g.cells(), closeTo(1.0, 1e-4));
      assertThat(band.get("noDataValue").asDouble(), equalTo(-1.0));
      assertThat(band.get("description").asText(),
          startsWith("Landing probability per cell, mass class "));
      assertThat(band.get("unit").asText(), equalTo("probability per cell"));
      assertThat(t.getFileName().toString(), matchesPattern("heatmap_[A-Za-z0-9.-]+\\.tif"));
      assertThat(band.get("block").get(0).asInt(), equalTo(GeoTiffWriter.TILE));
      assertThat(band.get("block").get(1).asInt(), equalTo(GeoTiffWriter.TILE));
      JsonNode structure = j.get("metadata").get("IMAGE_STRUCTURE");
      assertThat(structure.get("COMPRESSION").asText(), equalTo("DEFLATE"));
      assertThat(structure.get("PREDICTOR").asText(), equalTo("3"));
    }
    for (ClassHeatmap m : r.classes()) {
      if (m.landings() > 0) {
        Path t = dir.resolve(HeatmapExport.tiffName(m.massClass()));
        assertThat(t + " pixels", rawPixels(t, ""), equalTo(floats(m.probability())));
        assertCog(t);
      }
    }
  }

  /**
   * A grid wider than two tiles: several tiles per row and column, partial edge tiles, two
   * overviews (600×700 → 300×350 → 150×175), each read back by GDAL bit for bit, and the COG
   * validator content with the pyramid.
   */
  @Test
  void gdalReadsATiledPyramid() throws Exception {
    assumeTrue(onPath("gdalinfo"), "gdalinfo not found: apt-get install gdal-bin");
    HeatmapGrid g = new HeatmapGrid(GroundHeatmapTest.ORIGIN, 10, -3000, -3500, 600, 700);
    double[] v = GeoTiffLayoutTest.values(g);
    Path t = dir.resolve("big.tif");
    Files.write(t, GeoTiffWriter.bytes(g, v, "test"));
    JsonNode j = gdalinfo(t);
    JsonNode band = j.get("bands").get(0);
    assertThat(band.get("block").get(0).asInt(), equalTo(256));
    assertThat(band.get("overviews").size(), equalTo(2));
    assertThat(band.get("overviews").get(0).get("size").get(0).asInt(), equalTo(300));
    assertThat(band.get("overviews").get(0).get("size").get(1).asInt(), equalTo(350));
    assertThat(band.get("overviews").get(1).get("size").get(0).asInt(), equalTo(150));
    assertThat(band.get("overviews").get(1).get("size").get(1).asInt(), equalTo(175));
    double mean = Double.parseDouble(band.get("metadata").get("").get("STATISTICS_MEAN")
        .asText());
    double expected = 0;
    for (double x : v) {
      expected += (float) x;
    }
    assertThat(mean, closeTo(expected / v.length, 1e-9 * Math.abs(expected / v.length)));
    assertThat(rawPixels(t, ""), equalTo(floats(v)));
    // GTIFF_DIR:n opens the n-th IFD (1 = main image): the overviews, by 2×2 means
    float[] o1 = GeoTiffLayoutTest.halve(floats(v), 600, 700);
    assertThat(rawPixels(t, "GTIFF_DIR:2:"), equalTo(o1));
    assertThat(rawPixels(t, "GTIFF_DIR:3:"), equalTo(GeoTiffLayoutTest.halve(o1, 300, 350)));
    assertCog(t);
  }

  private static JsonNode gdalinfo(Path t) throws Exception {
    Process p = new ProcessBuilder("gdalinfo", "-json", "-stats", t.toString()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(err, p.waitFor(), equalTo(0));
    assertThat("gdal warnings: " + err, err.contains("Warning"), equalTo(false));
    return new ObjectMapper().readTree(out);
  }

  static float[] floats(double[] v) {
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    return f;
  }

  /** Every pixel of {@code prefix + t} as GDAL decodes it (gdal_translate to raw ENVI). */
  private float[] rawPixels(Path t, String prefix) throws Exception {
    Path raw = Files.createTempFile(dir, "raw", ".bin");
    Process p = new ProcessBuilder("gdal_translate", "-q", "-of", "ENVI", prefix + t,
        raw.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(out, p.waitFor(), equalTo(0));
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(Files.readAllBytes(raw))
        .order(java.nio.ByteOrder.nativeOrder());
    float[] f = new float[b.remaining() / 4];
    b.asFloatBuffer().get(f);
    return f;
  }

  /**
   * GDAL's COG validator ({@code osgeo_utils.samples.validate_cloud_optimized_geotiff}, Debian
   * {@code python3-gdal}) with the full check, where a Python with that module is found.
   */
  private static void assertCog(Path t) throws Exception {
    for (String python : List.of("/usr/bin/python3", "python3")) {
      if (python.startsWith("/") && !Files.isExecutable(Path.of(python))) {
        continue;
      }
      Process probe = new ProcessBuilder(python, "-c",
          "import osgeo_utils.samples.validate_cloud_optimized_geotiff")
          .redirectErrorStream(true).start();
      probe.getInputStream().readAllBytes();
      if (probe.waitFor() != 0) {
        continue;
      }
      Process p = new ProcessBuilder(python, "-m",
          "osgeo_utils.samples.validate_cloud_optimized_geotiff", "--full-check=yes",
          t.toString()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(out, p.waitFor(), equalTo(0));
      assertThat(out, containsString("is a valid cloud optimized GeoTIFF"));
      assertThat(out, out.contains("warning"), equalTo(false));
      return;
    }
  }

  @Test
  void filesAreNamedByClassRange() {
    assertThat(HeatmapExport.tiffName("1 kg\u201310 kg"), equalTo("heatmap_1kg-10kg.tif"));
    assertThat(HeatmapExport.tiffName("<1 g"), equalTo("heatmap_lt1g.tif"));
    assertThat(HeatmapExport.tiffName(">1 kg"), equalTo("heatmap_gt1kg.tif"));
    assertThat(HeatmapExport.tiffName("0.1\u20131 kg"), equalTo("heatmap_0.1-1kg.tif"));
  }

  static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String d : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, tool))) {
        return true;
      }
    }
    return false;
  }
}
