package org.darkflight.pipeline.run;

import static org.darkflight.pipeline.cli.CliOutcome.run;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.darkflight.io.Hashing;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.io.table.SampleTable;
import org.darkflight.pipeline.cli.CliOutcome;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-sample table of {@code darkflight run} (docs/outputs.md, "samples.fgb"): written per
 * shard in the pipeline, byte-identical at parallelism 1 and 4, read back by GDAL with one
 * feature per sample, the declared field types, and the draws, seeds and statuses of
 * {@code ensemble_manifest.json}; failed samples included without geometry.
 */
class SampleTableRunTest {

  private static final Path EVENT = Path.of("../testdata/events/synthetic-calm");
  private static final int SAMPLES = 40;

  @TempDir static Path tmp;
  static Path p1;
  static Path p4;

  @BeforeAll
  static void runTwice() throws Exception {
    // A quarter of the densities drawn in [-1000, 3000] kg/m³ are negative: those samples fail.
    Path ens = tmp.resolve("ensemble.json");
    Files.writeString(ens, """
        {"mode": "monte_carlo", "samples": %d, "random_seed": 7, "sampling": "latin_hypercube",
         "samples_per_element": 5,
         "distributions": {"density_kgm3": {"dist": "uniform",
           "params": {"min": -1000, "max": 3000}},
           "cd": {"dist": "normal", "params": {"sigma": 0.05}},
           "azimuth_deg": {"dist": "normal", "params": {"sigma": 2}}}}""".formatted(SAMPLES));
    p1 = tmp.resolve("p1");
    p4 = tmp.resolve("p4");
    for (Object[] r : new Object[][] {{p1, 1}, {p4, 4}}) {
      CliOutcome o = run("run", "--event", EVENT.resolve("event.json").toString(),
          "--atmos", EVENT.resolve("atmos_profile.json").toString(),
          "--config", EVENT.resolve("physics_config.json").toString(),
          "--fragments", EVENT.resolve("fragments.json").toString(),
          "--ensemble", ens.toString(), "--out", r[0].toString(),
          "--produced-utc=2024-01-01T00:00:00Z", "--no-report", "--max-failure-share", "0.5",
          "--targetParallelism=" + r[1]);
      assertThat(o.err(), o.exit(), is(0));
    }
  }

  static List<String> tableFiles(Path dir) throws IOException {
    List<String> names = new ArrayList<>(List.of(SampleTable.FLATGEOBUF_FILE,
        SampleTable.GEOPACKAGE_FILE, SampleTable.VRT_FILE));
    try (Stream<Path> s = Files.list(dir.resolve(SampleTable.SHARD_DIR))) {
      s.map(p -> SampleTable.SHARD_DIR + "/" + p.getFileName()).sorted().forEach(names::add);
    }
    return names;
  }

  @Test
  void theTableIsByteIdenticalAtParallelismOneAndFour() throws Exception {
    List<String> names = tableFiles(p1);
    // 40 samples in ranges of 5: one table shard per range
    assertThat(names.size(), is(3 + 8));
    assertThat(tableFiles(p4), equalTo(names));
    for (String n : names) {
      assertThat(n, Files.mismatch(p1.resolve(n), p4.resolve(n)), is(-1L));
    }
  }

  @Test
  void theOutputManifestListsEveryTableFileWithItsHash() throws Exception {
    JsonNode om = JsonSchemas.readValidated(p1.resolve("output_manifest.json"),
        "output_manifest");
    Map<String, JsonNode> listed = new HashMap<>();
    om.get("artifacts").forEach(a -> listed.put(a.get("path").asText(), a));
    for (String n : tableFiles(p1)) {
      JsonNode a = listed.get(n);
      assertThat(n + " listed", a != null, is(true));
      assertThat(a.get("sha256").asText(), is(Hashing.sha256Hex(p1.resolve(n))));
      assertThat(a.get("bytes").asLong(), is(Files.size(p1.resolve(n))));
    }
    assertThat(listed.get(SampleTable.FLATGEOBUF_FILE).get("type").asText(), is("flatgeobuf"));
    assertThat(listed.get(SampleTable.GEOPACKAGE_FILE).get("type").asText(), is("geopackage"));
    assertThat(listed.get(SampleTable.VRT_FILE).get("type").asText(), is("vrt"));
  }

  @Test
  void gdalReadsEverySampleWithTheManifestsValues() throws Exception {
    Assumptions.assumeTrue(onPath("ogrinfo"), "ogrinfo not found on PATH: install GDAL "
        + "(apt-get install gdal-bin) to run this check");
    JsonNode manifest = Json.mapper().readTree(p1.resolve("ensemble_manifest.json").toFile());
    JsonNode rows = manifest.get("rows");
    assertThat(rows.size(), is(SAMPLES));
    long failed = 0;
    for (String file : List.of(SampleTable.FLATGEOBUF_FILE, SampleTable.GEOPACKAGE_FILE,
        SampleTable.VRT_FILE)) {
      Path f = p1.resolve(file);
      String summary = ogr("ogrinfo", "-ro", "-al", "-so", f.toString());
      assertThat(file, summary, org.hamcrest.Matchers.containsString(
          "Feature Count: " + SAMPLES));
      for (SampleTable.Column c : SampleTable.COLUMNS) {
        String type = switch (c.type()) {
          case LONG -> "Integer64";
          case INT -> "Integer";
          case DOUBLE -> "Real";
          case STRING -> "String";
        };
        assertThat(file + " " + c.name(), summary,
            org.hamcrest.Matchers.containsString("\n" + c.name() + ": " + type + " ("));
      }
      JsonNode features = Json.mapper().readTree(ogr("ogr2ogr", "-f", "GeoJSON",
          "/vsistdout/", f.toString())).get("features");
      assertThat(features.size(), is(SAMPLES));
      failed = 0;
      for (int i = 0; i < SAMPLES; i++) {
        JsonNode p = features.get(i).get("properties");
        JsonNode row = rows.get(i);
        assertThat(p.get("sample_index").asLong(), is(row.get("index").asLong()));
        assertThat(p.get("fragment_id").asText(), is(row.get("fragment_id").asText()));
        assertThat(p.get("substream_seed").asLong(),
            is(Long.parseLong(row.get("substream_seed").asText())));
        assertThat(p.get("status").asText(), is(row.get("status").asText()));
        for (String[] d : new String[][] {{"density_kgm3", "draw_density_kgm3"},
            {"cd", "draw_cd"}, {"azimuth_deg", "draw_start_azimuth_deg"}}) {
          assertThat(file + " " + i + " " + d[0], p.get(d[1]).asDouble(),
              is(row.get("draws").get(d[0]).asDouble()));
        }
        if (row.get("status").asText().equals("failed")) {
          failed++;
          assertThat(features.get(i).get("geometry").isNull(), is(true));
          assertThat(p.get("failure_reason").asText(), is(row.get("failure_reason").asText()));
        } else {
          JsonNode xy = features.get(i).get("geometry").get("coordinates");
          assertThat(xy.get(0).asDouble(), closeTo(p.get("landing_longitude_deg").asDouble(),
              1e-12));
          assertThat(xy.get(1).asDouble(), closeTo(p.get("landing_latitude_deg").asDouble(),
              1e-12));
          assertThat(p.get("impact_energy_j").asDouble(), greaterThan(0.0));
        }
      }
    }
    assertThat("the density draws make some samples fail", failed, is(10L));
  }

  private static String ogr(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    StringBuilder out = new StringBuilder();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
        StandardCharsets.UTF_8))) {
      r.lines().forEach(l -> out.append(l).append('\n'));
    }
    assertThat(String.join(" ", cmd), p.waitFor(), is(0));
    return out.toString();
  }

  private static boolean onPath(String exe) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(d, exe))) {
        return true;
      }
    }
    return false;
  }
}
