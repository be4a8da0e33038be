package org.darkflight.pipeline.coord;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.darkflight.io.InputException;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 §3: the {@code [output]} keys of {@code darkflight process} — KML on/off, GeoJSON
 * on/off, 5 or 6 decimals — and manifests and the KMZ README that list only what was written.
 */
class OutputKeysTest {

  @TempDir Path tmp;

  private static Path geo(Path root, String file) {
    return root.resolve("artifacts/synthetic-calm/geo/synthetic-calm__" + file);
  }

  private static Path ellipses(Path root) {
    return root.resolve("artifacts/synthetic-calm/ensemble/"
        + "synthetic-calm__uncertainty_ellipses__v1.geojson");
  }

  /** Every artifact path of a manifest (run manifest or output manifest), schema-checked. */
  private static List<String> listed(Path manifest) throws Exception {
    JsonNode m = JsonSchemas.readValidated(manifest, "output_manifest");
    List<String> out = new ArrayList<>();
    m.path("artifacts").forEach(a -> out.add(a.path("path").asText()));
    return out;
  }

  private static Path runManifest(Path root) {
    return root.resolve("artifacts/synthetic-calm/sim/synthetic-calm__run_manifest__v1.json");
  }

  private static Path outputManifest(Path root) {
    return root.resolve("artifacts/synthetic-calm/synthetic-calm__output_manifest__v1.json");
  }

  private static String kmzReadme(Path kmz) throws Exception {
    try (ZipInputStream z = new ZipInputStream(Files.newInputStream(kmz))) {
      for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
        if (e.getName().equals("README.txt")) {
          return new String(z.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError("no README.txt in " + kmz);
  }

  @Test
  void kmlOffWritesNoKmlAndNoManifestListsOne() throws Exception {
    Path root = ProjectFixture.copy(tmp);
    assertThat(ProjectFixture.process(root, false).succeeded(), is(true));
    assertThat(Files.isRegularFile(geo(root, "strewn_field__v1.kml")), is(true));

    assertThat(ProjectFixture.process(root, false, "output.kml_generate=false").succeeded(),
        is(true));
    // the KML and KMZ an earlier run published are gone, nothing lists them
    assertThat(Files.exists(geo(root, "strewn_field__v1.kml")), is(false));
    assertThat(Files.exists(geo(root, "strewn_field__v1.kmz")), is(false));
    assertThat(Files.isRegularFile(geo(root, "strewn_field_points__v1.geojson")), is(true));
    for (Path manifest : List.of(runManifest(root), outputManifest(root))) {
      List<String> files = listed(manifest);
      assertThat(manifest.toString(), files.stream().anyMatch(f -> f.endsWith(".kml")
          || f.endsWith(".kmz")), is(false));
      assertThat(manifest.toString(), files.stream().anyMatch(f -> f.endsWith(
          "strewn_field_points.geojson") || f.endsWith("strewn_field_points__v1.geojson")),
          is(true));
      // no KML, no KML summary
      assertThat(JsonSchemas.read(manifest).has("kml_summary"), is(false));
    }
  }

  @Test
  void geojsonOffWritesOnlyTheKmlAndTheKmzReadmeListsNoGeojson() throws Exception {
    Path root = ProjectFixture.copy(tmp);
    assertThat(ProjectFixture.process(root, false, "output.geojson_generate=false")
        .succeeded(), is(true));
    assertThat(Files.exists(geo(root, "strewn_field_points__v1.geojson")), is(false));
    assertThat(Files.exists(ellipses(root)), is(false));
    Path kmz = geo(root, "strewn_field__v1.kmz");
    assertThat(Files.isRegularFile(kmz), is(true));
    String readme = kmzReadme(kmz);
    assertThat(readme, not(containsString(".geojson")));
    for (Path manifest : List.of(runManifest(root), outputManifest(root))) {
      List<String> files = listed(manifest);
      assertThat(manifest.toString(), files.stream().anyMatch(f -> f.endsWith(".geojson")),
          is(false));
      assertThat(manifest.toString(), files.stream().anyMatch(f -> f.endsWith(".kmz")),
          is(true));
      assertThat(JsonSchemas.read(manifest).path("kml_summary").path("features").asInt(),
          greaterThan(0));
    }
    // with both on, the README lists the GeoJSON it was written with
    Path full = ProjectFixture.copy(tmp.resolve("full"));
    ProjectFixture.process(full, false);
    assertThat(kmzReadme(geo(full, "strewn_field__v1.kmz")),
        containsString("strewn_field_points.geojson"));
  }

  @Test
  void validationNeedsTheGeojsonSoTurningItOffWithASpecIsRefused() throws Exception {
    Path root = ProjectFixture.copy(tmp);
    Files.writeString(ProjectFixture.eventDir(root).resolve("raw/validation_spec.json"), "{}");
    InputException e = assertThrows(InputException.class,
        () -> ProjectFixture.process(root, false, "output.geojson_generate=false"));
    assertThat(e.getMessage(), containsString("validation_spec.json"));
    assertThat(e.getMessage(), containsString("geojson_generate"));
    assertThat(Files.exists(root.resolve("artifacts")), is(false));
  }

  private static final Pattern KML_COORDS = Pattern.compile(
      "<coordinates>\\s*(-?\\d+\\.(\\d+)),(-?\\d+\\.(\\d+))");

  /** Largest number of decimals of latitude/longitude in the points GeoJSON and the KML. */
  private static int[] decimals(Path root) throws Exception {
    int geojson = 0;
    try (InputStream in = Files.newInputStream(geo(root, "strewn_field_points__v1.geojson"))) {
      for (JsonNode f : Json.mapper().readTree(in).path("features")) {
        JsonNode c = f.path("geometry").path("coordinates");
        for (int i = 0; i < 2; i++) { // longitude, latitude (not the height)
          BigDecimal d = c.get(i).decimalValue().stripTrailingZeros();
          geojson = Math.max(geojson, d.scale());
        }
      }
    }
    int kml = 0;
    Matcher m = KML_COORDS.matcher(Files.readString(geo(root, "strewn_field__v1.kml")));
    int found = 0;
    while (m.find()) {
      kml = Math.max(kml, Math.max(m.group(2).length(), m.group(4).length()));
      found++;
    }
    assertThat(found, greaterThan(0));
    return new int[] {geojson, kml};
  }

  @Test
  void theGeoPrecisionIsFiveOrSixDecimals() throws Exception {
    Path five = ProjectFixture.copy(tmp.resolve("five"));
    assertThat(ProjectFixture.process(five, false, "output.geo_precision_decimals=5")
        .succeeded(), is(true));
    int[] d5 = decimals(five);
    assertThat(d5[0], lessThanOrEqualTo(5));
    assertThat(d5[1], lessThanOrEqualTo(5));
    Path six = ProjectFixture.copy(tmp.resolve("six"));
    ProjectFixture.process(six, false);
    int[] d6 = decimals(six);
    assertThat(d6[0], is(6));
    assertThat(d6[1], is(6));
    assertThat(d5[1], is(5));
    for (String bad : List.of("4", "7", "\"6\"")) {
      InputException e = assertThrows(InputException.class, () -> ProjectFixture.process(
          ProjectFixture.copy(tmp.resolve("bad" + bad.length() + bad.hashCode())), false,
          "output.geo_precision_decimals=" + bad));
      assertThat(e.getMessage(), containsString("must be 5"));
      assertThat(List.of(e.getMessage().split("\n")).size(), equalTo(1));
    }
    assertThat(List.of(d5[0], d6[0]), hasItem(6));
  }
}
