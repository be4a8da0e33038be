package org.darkflight.io.atmos.fused;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.darkflight.io.atmos.AtmosProfile;
import org.darkflight.io.atmos.AtmosProfiles;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.io.meta.InputRef;
import org.darkflight.io.testsupport.SortedKeys;
import org.darkflight.io.testsupport.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The four atmos artifacts: schema-valid, sorted keys, rounded, all or nothing written. */
class FusedAtmosFilesTest {

  private static final Instant T = Instant.parse("2003-03-27T05:50:15Z");

  @TempDir Path tmp;

  private static FusedProvenance provenance() {
    return new FusedProvenance("AtmoFusion of 1 source(s)", "darkflight atmos (test)",
        "grid from s", List.of(new InputRef("s.json", "1".repeat(64))));
  }

  private static WindProfileDocument wind(int levels) {
    List<WindProfileDocument.Level> ls = new java.util.ArrayList<>();
    for (int i = 0; i < levels; i++) {
      ls.add(new WindProfileDocument.Level(d(1000.0 * i, 3), d(3, 4), d(-1, 4), d(0, 4),
          d(0.5, 4), d(0.5, 4), d(Math.hypot(3, 1), 4), d(288.43, 2), "s",
          List.of("source_used")));
    }
    return WindProfileDocument.of(new WindProfileDocument.Meta("1.0", "ev", T,
        WindProfileDocument.Location.of(41.34677651, -87.7877524), "test 1.0", "s",
        WindProfileDocument.UNITS, provenance(),
        List.of(FusedSource.of("s", "radiosonde", "s.json", T, -21015.04, 185.9721, 111.0024,
            31207.4591, null, Map.of("station_id", "ILX", "format", "x")))), ls);
  }

  private static BigDecimal d(double v, int decimals) {
    return Json.roundedDecimal(v, decimals);
  }

  private static VerticalGridDocument grid() {
    VerticalGridDocument.State top = new VerticalGridDocument.State(d(1000, 3),
        Json.roundedSignificant(89874.57, 7), d(281.65, 4),
        Json.roundedSignificant(1.111642, 7), d(3, 4), d(-1, 4));
    VerticalGridDocument.State bottom = new VerticalGridDocument.State(d(0, 3),
        Json.roundedSignificant(101325, 7), d(288.15, 4), Json.roundedSignificant(1.225, 7),
        d(3, 4), d(-1, 4));
    return VerticalGridDocument.of(new VerticalGridDocument.Meta("1.0", "ev", T, "s",
        VerticalGridDocument.UNITS, provenance()), List.of(d(0, 3), d(1000, 3)),
        List.of(new VerticalGridDocument.Slice(0, d(1000, 3), d(0, 3), d(1000, 3), top,
            bottom)));
  }

  private static AtmosQcDocument qc() {
    return AtmosQcDocument.of(new AtmosQcDocument.Meta("1.0", "ev", T, provenance()), true,
        List.of(new AtmosQcDocument.Annotation("std_atmosphere_fill", "warning", d(0, 3),
            d(1000, 3), "", "US Standard Atmosphere 1976 above the sounding")));
  }

  @Test
  void writesFourValidCanonicalArtifacts() throws Exception {
    AtmosProfile profile = AtmosProfiles.read(
        TestFiles.testdata("events/park-forest-2003/atmos_profile.json"));
    List<Path> written = FusedAtmosFiles.writeAll(tmp, profile, wind(3), grid(), qc());
    assertThat(written.stream().map(p -> p.getFileName().toString()).toList(), equalTo(List.of(
        "atmos_profile.json", "wind_profile_compiled.json", "vertical_grid.json",
        "atmos_qc.json")));
    String[] schemas = {"atmos_profile", "wind_profile_compiled", "vertical_grid", "atmos_qc"};
    for (int i = 0; i < 4; i++) {
      byte[] bytes = Files.readAllBytes(written.get(i));
      SortedKeys.check(bytes);
      JsonNode n = Json.mapper().readTree(bytes);
      assertThat(schemas[i], JsonSchemas.violations(n, schemas[i]), empty());
    }
    String w = Files.readString(written.get(1));
    // fixed decimals as written: 6 for the location, 1 for the time offset, 4 for winds
    assertThat(w.contains("\"lat\": 41.346777,"), is(true));
    assertThat(w.contains("\"time_offset_s\": -21015.0,"), is(true));
    assertThat(w.contains("\"wind_u_mps\": 3.0000,"), is(true));
    // a source whose file could not be hashed has no sha256
    assertThat(Json.mapper().readTree(w).at("/meta/sources/0").has("sha256"), is(false));
    assertThat(Files.readAllBytes(written.get(0)), equalTo(AtmosProfiles.toBytes(profile)));
  }

  @Test
  void aDocumentFailingItsSchemaWritesNothing() throws Exception {
    AtmosProfile profile = AtmosProfiles.read(
        TestFiles.testdata("events/park-forest-2003/atmos_profile.json"));
    // the compiled profile needs at least two levels
    assertThrows(IllegalStateException.class,
        () -> FusedAtmosFiles.writeAll(tmp, profile, wind(1), grid(), qc()));
    try (var s = Files.list(tmp)) {
      assertThat(s.toList(), empty());
    }
  }
}
