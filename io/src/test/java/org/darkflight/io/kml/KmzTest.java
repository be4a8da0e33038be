package org.darkflight.io.kml;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.darkflight.io.geo.GeoFixtures;
import org.darkflight.io.geo.GeoOutputOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KmzTest {

  @TempDir
  Path dir;

  /** Entries of a zip in stored order. */
  static Map<String, byte[]> entries(byte[] zip) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        out.put(e.getName(), in.readAllBytes());
      }
    }
    return out;
  }

  private Path kmz(String name) throws IOException {
    Path out = dir.resolve(name);
    KmlSchemaValidationTest.fullProduct(GeoOutputOptions.defaults())
        .writeKmz(out, Map.of("media/heatmap.png", new byte[] {7}));
    return out;
  }

  @Test
  void kmzHoldsDocFirstThenLegendMediaAndReadme() throws IOException {
    Map<String, byte[]> entries = entries(Files.readAllBytes(kmz("a.kmz")));
    assertThat(new ArrayList<>(entries.keySet()), equalTo(List.of("doc.kml",
        "media/legend.png", "media/heatmap.png", "README.txt")));
    String doc = new String(entries.get("doc.kml"), StandardCharsets.UTF_8);
    assertThat(doc, containsString("<href>media/legend.png</href>"));
    assertThat(doc, containsString("<href>media/heatmap.png</href>"));
  }

  @Test
  void legendIsAPngOfTheDocumentedSize() throws IOException {
    byte[] png = entries(Files.readAllBytes(kmz("a.kmz"))).get("media/legend.png");
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(img, notNullValue());
    // 360 px wide; 2 * 10 px padding + 24 px per row, rows = title + 5 classes + ellipse +
    // trajectory.
    assertThat(img.getWidth(), equalTo(360));
    assertThat(img.getHeight(), equalTo(20 + 24 * 8));
    // The swatch of class 0 is Okabe-Ito orange, of the fifth populated class Okabe-Ito blue
    // (pixel at the swatch centre).
    int swatchX = 10 + 2 + 8;
    int row0 = 10 + 24 + 12;
    int row4 = 10 + 24 * 5 + 12;
    assertThat(Integer.toHexString(img.getRGB(swatchX, row0) & 0xFFFFFF), equalTo("e69f00"));
    assertThat(Integer.toHexString(img.getRGB(swatchX, row4) & 0xFFFFFF), equalTo("72b2"));
  }

  @Test
  void readmeStatesRunSummaryAndValidationStatus() throws IOException {
    String readme = new String(entries(Files.readAllBytes(kmz("a.kmz"))).get("README.txt"),
        StandardCharsets.UTF_8);
    assertThat(readme, containsString("Validation status:  passed"));
    assertThat(readme, containsString("Event:              EV-2026-11-24"));
    assertThat(readme, containsString("Landing points:     301"));
    assertThat(readme, containsString("ensemble_samples: 100"));
    assertThat(readme, containsString("a".repeat(64) + "  inputs/event.json"));
  }

  @Test
  void readmeListsTheArtifactsNotTheInputsUnderArtifacts() throws IOException {
    byte[] kmz = Files.readAllBytes(kmz("a.kmz"));
    Map<String, byte[]> entries = entries(kmz);
    String readme = new String(entries.get("README.txt"), StandardCharsets.UTF_8);
    String artifacts = readme.substring(readme.indexOf("Artifacts (SHA-256):"));
    assertThat(readme.indexOf("Inputs (SHA-256):"), org.hamcrest.Matchers.greaterThan(0));
    assertThat(artifacts, org.hamcrest.Matchers.not(containsString("inputs/event.json")));
    // the legend's hash, computed here from the entry's bytes
    assertThat(artifacts, containsString(org.darkflight.io.Hashing.sha256Hex(
        entries.get("media/legend.png")) + "  media/legend.png (in this KMZ)"));
    assertThat(artifacts, containsString("strewn_field.kmz (this archive cannot contain its "
        + "own SHA-256)"));
  }

  @Test
  void kmzBytesAreDeterministicWithFixedEntryTimes() throws IOException {
    byte[] a = Files.readAllBytes(kmz("a.kmz"));
    byte[] b = Files.readAllBytes(kmz("b.kmz"));
    assertArrayEquals(a, b);
    try (ZipFile zip = new ZipFile(dir.resolve("a.kmz").toFile())) {
      zip.stream().forEach(e -> {
        assertThat(e.getName(), e.getTimeLocal(), equalTo(LocalDateTime.of(2026, 11, 25, 12, 0)));
        assertThat(e.getName(), e.getExtra() == null || e.getExtra().length == 0,
            equalTo(true));
      });
    }
  }

  @Test
  void reservedMediaPathsAreRejected() throws IOException {
    KmlProduct product = KmlSchemaValidationTest.fullProduct(GeoOutputOptions.defaults());
    assertThrows(IllegalArgumentException.class,
        () -> product.kmzBytes(Map.of("doc.kml", new byte[0])));
    assertThrows(IllegalArgumentException.class,
        () -> product.kmzBytes(Map.of("../evil.png", new byte[0])));
  }

  @Test
  void legendHeightFollowsThePopulatedClassCount() throws IOException {
    byte[] png = LegendImage.png(new org.darkflight.io.geo.MassClasses(List.of("only")),
        new long[] {1}, List.of(0.9), "e");
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(img.getHeight(), equalTo(20 + 24 * 4));
    // classes without landings get no row
    png = LegendImage.png(new org.darkflight.io.geo.MassClasses(List.of("a", "b", "c")),
        new long[] {0, 7, 0}, List.of(0.5, 0.9), "e");
    img = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(img.getHeight(), equalTo(20 + 24 * 4));
    assertThat(Integer.toHexString(img.getRGB(10 + 2 + 8, 10 + 24 + 12) & 0xFFFFFF),
        equalTo("e69f00"));
  }
}
