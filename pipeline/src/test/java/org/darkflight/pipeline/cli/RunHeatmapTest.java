package org.darkflight.pipeline.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code darkflight run --heatmap-cell-m}: GeoTIFFs, KML Heatmap folder, KMZ media, manifest. */
class RunHeatmapTest {

  static final Path EVENT = Path.of("../testdata/events/park-forest-2003");

  @TempDir
  Path out;

  @Test
  void runWritesHeatmapsThatSumToOnePerClass() throws Exception {
    int rc = DarkflightCli.run("run", "--event", EVENT.resolve("event.json").toString(),
        "--atmos", EVENT.resolve("atmos_profile.json").toString(),
        "--config", EVENT.resolve("physics_config.json").toString(),
        "--fragments", EVENT.resolve("fragments.json").toString(),
        "--ensemble", "../testdata/uq/park-forest-mc-small.json",
        "--out", out.toString(), "--produced-utc", "2026-01-01T00:00:00Z",
        "--heatmap-cell-m", "250");
    assertThat(rc, equalTo(0));
    List<Path> tiffs;
    try (Stream<Path> s = Files.list(out)) {
      tiffs = s.filter(p -> p.getFileName().toString().endsWith(".tif")).sorted().toList();
    }
    assertThat(tiffs.size(), greaterThan(0));
    for (Path t : tiffs) {
      assertThat(t.toString(), floatSum(Files.readAllBytes(t)), org.hamcrest.Matchers.closeTo(
          1.0, 1e-4));
    }
    String kml = Files.readString(out.resolve("strewn_field.kml"), StandardCharsets.UTF_8);
    assertThat(kml, containsString("<name>Heatmap</name>"));
    assertThat(kml, containsString("<GroundOverlay>"));
    assertThat(kml, containsString("media/heatmap_legend.png"));
    assertThat(Files.exists(out.resolve("media/heatmap_legend.png")), equalTo(true));
    List<String> entries = new ArrayList<>();
    try (ZipInputStream z = new ZipInputStream(Files.newInputStream(
        out.resolve("strewn_field.kmz")))) {
      for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
        entries.add(e.getName());
      }
    }
    assertThat(entries, hasItem("media/heatmap_legend.png"));
    assertThat(entries.stream().filter(e -> e.matches("media/heatmap_class_\\d+\\.png")).count(),
        equalTo((long) tiffs.size()));
    JsonNode manifest = new ObjectMapper().readTree(out.resolve("output_manifest.json").toFile());
    List<String> listed = new ArrayList<>();
    manifest.findValues("path").forEach(n -> listed.add(n.asText()));
    for (Path t : tiffs) {
      assertThat(listed, hasItem(t.getFileName().toString()));
    }
  }

  /**
   * Sum of the float pixels of a single-strip little-endian TIFF, read independently of the
   * writer: StripOffsets (tag 273) and StripByteCounts (tag 279) from the first IFD.
   */
  static double floatSum(byte[] tiff) {
    ByteBuffer b = ByteBuffer.wrap(tiff).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(b.getShort(0), equalTo((short) 0x4949));
    int ifd = b.getInt(4);
    int n = b.getShort(ifd);
    int offset = -1;
    int count = -1;
    for (int i = 0; i < n; i++) {
      int e = ifd + 2 + 12 * i;
      int tag = b.getShort(e) & 0xffff;
      if (tag == 273) {
        offset = b.getInt(e + 8);
      } else if (tag == 279) {
        count = b.getInt(e + 8);
      }
    }
    double sum = 0;
    for (int i = 0; i < count / 4; i++) {
      sum += b.getFloat(offset + 4 * i);
    }
    return sum;
  }
}
