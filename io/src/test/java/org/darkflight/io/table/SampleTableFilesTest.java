package org.darkflight.io.table;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.darkflight.io.json.Json;
import org.darkflight.io.testsupport.Ogrinfo;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleTableFilesTest {

  @TempDir Path tmp;

  /** Rows 0..n-1; every third fails. */
  static List<SampleRow> rows(int n) {
    List<SampleRow> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      SampleRow.Draws d = new SampleRow.Draws(1.0 + i, 3300, 1.2, 1.21, 45.0, 7.0, 20_000,
          3000, 120 + i, 40, 1.0 + 0.01 * i);
      SampleRow.Landing l = i % 3 == 2 ? null : new SampleRow.Landing("1-10 kg", 2,
          45.1 + 1e-3 * i, 7.2 - 1e-3 * i, 400, 0.5 + i, 50, 625.0 * (0.5 + i), 50.5, 200 + i,
          1.32, 80, 100.0 * i, -50.0 * i, 3000, 135);
      SampleRow.Failure f = l != null ? null
          : new SampleRow.Failure("MAX_TIME", "did not land within 7200 s", i == 2 ? Double.NaN
              : 7200);
      rows.add(new SampleRow(i, "F" + (i % 2), Long.MIN_VALUE + i * 0x1234_5678_9abcL, d, l,
          f));
    }
    return rows;
  }

  @Test
  void mergedShardsAreTheBytesOfOneWrite() throws Exception {
    List<SampleRow> rows = rows(10);
    Path whole = tmp.resolve("whole.fgb");
    FlatGeobufTable.write(whole, 10, rows.iterator());
    Path a = tmp.resolve("a.fgb");
    Path b = tmp.resolve("b.fgb");
    FlatGeobufTable.write(a, 4, rows.subList(0, 4).iterator());
    FlatGeobufTable.write(b, 6, rows.subList(4, 10).iterator());
    Path merged = tmp.resolve("merged.fgb");
    assertThat(FlatGeobufTable.merge(List.of(a, b), merged), is(10L));
    assertThat(Files.mismatch(whole, merged), is(-1L));
    assertThat(FlatGeobufTable.featureCount(merged), is(10L));
  }

  @Test
  void aWrongRowCountIsRefused() {
    assertThrows(IllegalStateException.class,
        () -> FlatGeobufTable.write(tmp.resolve("x.fgb"), 3, rows(2).iterator()));
    assertThat(Files.exists(tmp.resolve("x.fgb")), is(false));
  }

  @Test
  void gdalReadsTheFlatGeobufTheVrtAndTheGeoPackage() throws Exception {
    Assumptions.assumeTrue(Ogrinfo.available(), Ogrinfo.MISSING);
    List<SampleRow> rows = rows(7);
    Path fgb = tmp.resolve("samples.fgb");
    FlatGeobufTable.write(fgb, rows.size(), rows.iterator());
    Path gpkg = tmp.resolve("samples.gpkg");
    GeoPackageTable.write(gpkg, rows.iterator(), Instant.parse("2024-01-01T00:00:00Z"));
    Path shards = tmp.resolve(SampleTable.SHARD_DIR);
    FlatGeobufTable.write(shards.resolve("s0.fgb"), 3, rows.subList(0, 3).iterator());
    FlatGeobufTable.write(shards.resolve("s1.fgb"), 4, rows.subList(3, 7).iterator());
    Path vrt = tmp.resolve(SampleTable.VRT_FILE);
    SampleTableVrt.write(vrt, List.of(SampleTable.SHARD_DIR + "/s0.fgb",
        SampleTable.SHARD_DIR + "/s1.fgb"));
    for (Path file : List.of(fgb, gpkg, vrt)) {
      assertThat(file + " count", Ogrinfo.count(Ogrinfo.layers(file), SampleTable.LAYER),
          is(7L));
      Map<String, String> types = Ogrinfo.fieldTypes(file);
      for (SampleTable.Column c : SampleTable.COLUMNS) {
        String expected = switch (c.type()) {
          case LONG -> "Integer64";
          case INT -> "Integer";
          case DOUBLE -> "Real";
          case STRING -> "String";
        };
        assertThat(file + " " + c.name(), types.get(c.name()), equalTo(expected));
      }
      JsonNode features = Json.mapper().readTree(Ogrinfo.asGeoJson(file)).get("features");
      assertThat(features.size(), is(7));
      for (int i = 0; i < 7; i++) {
        JsonNode f = features.get(i);
        JsonNode p = f.get("properties");
        SampleRow r = rows.get(i);
        assertThat(p.get("sample_index").asLong(), is((long) i));
        assertThat(p.get("substream_seed").asLong(), is(r.substreamSeed()));
        assertThat(p.get("fragment_id").asText(), is(r.fragmentId()));
        assertThat(p.get("draw_mass_kg").asDouble(), is(r.draws().massKg()));
        assertThat(p.get("draw_wind_scale").asDouble(), is(r.draws().windScale()));
        assertThat(p.get("status").asText(), is(r.status()));
        if (r.landing() != null) {
          assertThat(f.get("geometry").get("coordinates").get(0).asDouble(),
              closeTo(r.landing().longitudeDeg(), 1e-12));
          assertThat(f.get("geometry").get("coordinates").get(1).asDouble(),
              closeTo(r.landing().latitudeDeg(), 1e-12));
          assertThat(p.get("impact_energy_j").asDouble(), is(r.landing().impactEnergyJ()));
          assertThat(p.get("mass_class_index").asInt(), is(2));
          assertThat(p.path("failure_reason").isNull() || p.path("failure_reason").isMissingNode(),
              is(true));
        } else {
          assertThat(f.get("geometry").isNull(), is(true));
          assertThat(p.get("failure_reason").asText(), is("MAX_TIME"));
          assertThat(p.path("impact_speed_mps").isNull()
              || p.path("impact_speed_mps").isMissingNode(), is(true));
        }
      }
    }
  }

  @Test
  void theGeoPackageIsDeterministic() throws Exception {
    Path a = tmp.resolve("a.gpkg");
    Path b = tmp.resolve("b/a.gpkg");
    Instant t = Instant.parse("2024-01-01T00:00:00Z");
    GeoPackageTable.write(a, rows(20).iterator(), t);
    GeoPackageTable.write(b, rows(20).iterator(), t);
    assertThat(Files.mismatch(a, b), is(-1L));
  }
}
