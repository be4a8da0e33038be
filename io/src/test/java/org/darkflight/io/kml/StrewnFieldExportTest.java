package org.darkflight.io.kml;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.darkflight.io.geo.GeoFixtures;
import org.darkflight.io.geo.GeoOutputOptions;
import org.darkflight.io.geo.LandingPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrewnFieldExportTest {

  @TempDir
  Path dir;

  @Test
  void writesAllFourFilesWithTheirHashes() throws Exception {
    StrewnFieldExport.Result r = new StrewnFieldExport(GeoOutputOptions.defaults().withKmlMaxPoints(
        30)).write(dir.resolve("geo"), GeoFixtures.run(), GeoFixtures.CLASSES,
            GeoFixtures.points(100), GeoFixtures.ellipses(), GeoFixtures.trajectories());
    List<String> names = r.files().stream().map(f -> f.path().getFileName().toString()).toList();
    assertThat(names, equalTo(List.of("strewn_field_points.geojson",
        "uncertainty_ellipses.geojson", "strewn_field.kml", "strewn_field.kmz")));
    for (StrewnFieldExport.WrittenFile f : r.files()) {
      byte[] content = Files.readAllBytes(f.path());
      assertThat(f.bytes(), equalTo((long) content.length));
      assertThat(f.sha256(), equalTo(HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(content))));
    }
    assertThat(r.landingPoints(), equalTo(100L));
    assertThat(r.kml().fragmentPlacemarks(), equalTo(30));
  }

  @Test
  void badMassClassStopsBeforeAnyFileIsWritten() throws IOException {
    List<LandingPoint> points = new ArrayList<>(GeoFixtures.points(10));
    points.add(new LandingPoint("x", 0, "wrong label", 2, 0, 0, 1, 1, 1, GeoFixtures.CREATED, 1,
        1, 1, 1, 1, 1));
    Path out = dir.resolve("geo");
    assertThrows(IllegalArgumentException.class, () -> new StrewnFieldExport(
        GeoOutputOptions.defaults()).write(out, GeoFixtures.run(), GeoFixtures.CLASSES, points,
            GeoFixtures.ellipses(), GeoFixtures.trajectories()));
    assertThat(Files.exists(out) ? listing(out) : List.of(), equalTo(List.of()));
  }

  private static List<Path> listing(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.toList();
    }
  }
}
