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
   * Sum of the float pixels of the heatmap's tiled, DEFLATE + floating-point-predictor TIFF
   * (docs/outputs.md "Heatmap GeoTIFFs"), read independently of the writer from the first IFD:
   * ImageWidth/Length (256/257), TileWidth/Length (322/323), TileOffsets (324) and
   * TileByteCounts (325); cells outside the image (edge-tile padding) are skipped.
   */
  static double floatSum(byte[] tiff) throws java.util.zip.DataFormatException {
    ByteBuffer b = ByteBuffer.wrap(tiff).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(b.getShort(0), equalTo((short) 0x4949));
    int ifd = b.getInt(4);
    int n = b.getShort(ifd);
    java.util.Map<Integer, int[]> tags = new java.util.HashMap<>();
    for (int i = 0; i < n; i++) {
      int e = ifd + 2 + 12 * i;
      int tag = b.getShort(e) & 0xffff;
      int type = b.getShort(e + 2);
      int count = b.getInt(e + 4);
      int size = type == 3 ? 2 : 4;
      int at = size * count <= 4 ? e + 8 : b.getInt(e + 8);
      if (type == 3 || type == 4) {
        int[] v = new int[count];
        for (int k = 0; k < count; k++) {
          v[k] = type == 3 ? b.getShort(at + 2 * k) & 0xffff : b.getInt(at + 4 * k);
        }
        tags.put(tag, v);
      }
    }
    assertThat("DEFLATE", tags.get(259)[0], equalTo(8));
    assertThat("floating-point predictor", tags.get(317)[0], equalTo(3));
    int w = tags.get(256)[0];
    int h = tags.get(257)[0];
    int tw = tags.get(322)[0];
    int th = tags.get(323)[0];
    int across = (w + tw - 1) / tw;
    int[] offsets = tags.get(324);
    int[] counts = tags.get(325);
    double sum = 0;
    for (int t = 0; t < offsets.length; t++) {
      java.util.zip.Inflater inf = new java.util.zip.Inflater();
      inf.setInput(tiff, offsets[t], counts[t]);
      byte[] raw = new byte[tw * th * 4];
      int got = 0;
      while (got < raw.length && !inf.finished()) {
        got += inf.inflate(raw, got, raw.length - got);
      }
      inf.end();
      for (int y = 0; y < th; y++) {
        int base = y * tw * 4;
        for (int i = 1; i < tw * 4; i++) { // undo the byte differencing
          raw[base + i] = (byte) (raw[base + i] + raw[base + i - 1]);
        }
        for (int x = 0; x < tw; x++) {
          int bits = 0;
          for (int p = 0; p < 4; p++) { // byte planes, most significant first
            bits = (bits << 8) | (raw[base + p * tw + x] & 0xff);
          }
          if ((t / across) * th + y < h && (t % across) * tw + x < w) {
            sum += Float.intBitsToFloat(bits);
          }
        }
      }
    }
    return sum;
  }
}
