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
 * GeoTIFF: size, CRS, geotransform against the grid, and the pixel sum (mean × cells) = 1.
 * Skipped where gdalinfo is not installed; CI installs it.
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
