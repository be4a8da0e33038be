package org.darkflight.io.kml;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.darkflight.io.geo.GeoFixtures;
import org.darkflight.io.geo.GeoOutputOptions;
import org.darkflight.io.geo.GeoSchemas;
import org.darkflight.io.geo.LandingPoint;
import org.darkflight.io.geojson.StrewnFieldPointsWriter;
import org.darkflight.io.geojson.UncertaintyEllipsesWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GDAL's {@code ogrinfo} (Debian package {@code gdal-bin}) as an independent reader of the
 * GeoJSON, KML and KMZ outputs: feature counts and a spot-checked coordinate. Skipped, with a
 * message, where {@code ogrinfo} is not installed; CI installs it.
 */
class OgrinfoReadsOutputsTest {

  private static final Pattern COUNT = Pattern.compile("Feature Count: (\\d+)");
  private static final Pattern POINT = Pattern.compile("POINT(?: Z)? \\(([-0-9.]+) ([-0-9.]+)"
      + "(?: ([-0-9.]+))?\\)");

  @TempDir
  Path dir;

  @BeforeAll
  static void needsOgrinfo() {
    assumeTrue(onPath("ogrinfo"),
        "ogrinfo not found on PATH: install GDAL (apt-get install gdal-bin) to run this check");
  }

  private static boolean onPath(String tool) {
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

  private static String ogrinfo(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add("ogrinfo");
    cmd.add("-ro");
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int rc = p.waitFor();
    assertThat("ogrinfo " + cmd + " failed:\n" + out, rc, equalTo(0));
    return out;
  }

  private static List<Long> counts(String summary) {
    List<Long> counts = new ArrayList<>();
    Matcher m = COUNT.matcher(summary);
    while (m.find()) {
      counts.add(Long.parseLong(m.group(1)));
    }
    return counts;
  }

  private static double[] firstPoint(String out) {
    Matcher m = POINT.matcher(out);
    assertThat("a POINT in:\n" + out, m.find(), equalTo(true));
    return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
        m.group(3) == null ? Double.NaN : Double.parseDouble(m.group(3))};
  }

  private static List<LandingPoint> points() {
    List<LandingPoint> points = new ArrayList<>(GeoFixtures.points(250));
    points.add(GeoFixtures.hostilePoint());
    return points;
  }

  @Test
  void gdalReadsThePointsGeoJson() throws Exception {
    Path file = dir.resolve(GeoSchemas.POINTS_FILE);
    List<LandingPoint> points = points();
    new StrewnFieldPointsWriter(GeoOutputOptions.defaults()).write(file, GeoFixtures.run(),
        points.iterator());
    String summary = ogrinfo("-al", "-so", file.toString());
    assertThat(summary, containsString("Geometry: Point"));
    assertThat(counts(summary), equalTo(List.of(251L)));
    double[] lonLat = firstPoint(ogrinfo("-al", "-q", "-fid", "17", file.toString()));
    assertThat(lonLat[0], closeTo(points.get(17).longitudeDeg(), 0.5e-6));
    assertThat(lonLat[1], closeTo(points.get(17).latitudeDeg(), 0.5e-6));
  }

  @Test
  void gdalReadsTheEllipseGeoJson() throws Exception {
    Path file = dir.resolve(GeoSchemas.ELLIPSES_FILE);
    new UncertaintyEllipsesWriter(GeoOutputOptions.defaults()).write(file, GeoFixtures.run(),
        GeoFixtures.ellipses());
    String summary = ogrinfo("-al", "-so", file.toString());
    assertThat(summary, containsString("Geometry: Polygon"));
    assertThat(counts(summary), equalTo(List.of(4L)));
  }

  @Test
  void gdalReadsTheKmlAndKmz() throws Exception {
    KmlProduct product = new StrewnFieldKml(GeoOutputOptions.defaults().withKmlMaxPoints(40))
        .build(GeoFixtures.run(), GeoFixtures.CLASSES, points().iterator(),
            GeoFixtures.ellipses(), GeoFixtures.trajectories());
    Path kml = dir.resolve(GeoSchemas.KML_FILE);
    product.writeKml(kml);
    Path kmz = dir.resolve(GeoSchemas.KMZ_FILE);
    product.writeKmz(kmz);
    // 1 luminous end + 40 fragments + 4 ellipses + 2 trajectories, spread over folder layers.
    for (Path file : List.of(kml, kmz)) {
      String summary = ogrinfo("-al", "-so", file.toString());
      long total = counts(summary).stream().mapToLong(Long::longValue).sum();
      assertThat(file + ":\n" + summary, total, equalTo(47L));
    }
    // one layer per class sub-folder, its fields typed through the Schema
    String ellipses = ogrinfo("-so", kml.toString(), "Ellipses: 1 g–10 g", "Ellipses: >1 kg");
    assertThat(counts(ellipses), equalTo(List.of(2L, 2L)));
    assertThat(ellipses, containsString("confidence_level: Real"));
    assertThat(ellipses, containsString("sample_count: Integer"));
    String fragments = ogrinfo("-so", kml.toString(), "1 g–10 g (8 of 49)");
    assertThat(fragments, containsString("mass_final_kg: Real"));
    assertThat(fragments, containsString("sample_index: Integer"));
    assertThat(fragments, containsString("fragment_id: String"));
    String trajectories = ogrinfo("-so", kml.toString(), "Trajectories");
    assertThat(trajectories, containsString("duration_s: Real"));
    double[] end = firstPoint(ogrinfo("-q", kml.toString(), "Event Overview"));
    assertThat(end[0], closeTo(GeoFixtures.END_LON, 1e-9));
    assertThat(end[1], closeTo(GeoFixtures.END_LAT, 1e-9));
    // above mean sea level, as KML defines absolute altitudes (EGM96)
    assertThat(end[2], closeTo(21_500 - org.darkflight.io.geoid.Egm96.undulationM(
        GeoFixtures.END_LAT, GeoFixtures.END_LON), 1e-4));
  }
}
