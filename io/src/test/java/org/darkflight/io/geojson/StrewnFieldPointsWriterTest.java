package org.darkflight.io.geojson;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.darkflight.io.geo.GeoFixtures;
import org.darkflight.io.geo.GeoOutputOptions;
import org.darkflight.io.geo.GeoSchemas;
import org.darkflight.io.geo.LandingPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrewnFieldPointsWriterTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path dir;

  private Path write(GeoOutputOptions options, List<LandingPoint> points) throws IOException {
    Path out = dir.resolve(GeoSchemas.POINTS_FILE);
    long n = new StrewnFieldPointsWriter(options).write(out, GeoFixtures.run(), points.iterator());
    assertThat(n, equalTo((long) points.size()));
    return out;
  }

  private static List<LandingPoint> sample() {
    List<LandingPoint> points = new ArrayList<>(GeoFixtures.points(40));
    points.add(GeoFixtures.hostilePoint());
    return points;
  }

  @Test
  void writesOneFeaturePerPointWithSpecProperties() throws IOException {
    List<LandingPoint> points = sample();
    JsonNode doc = MAPPER.readTree(write(GeoOutputOptions.defaults(), points).toFile());
    assertThat(doc.get("type").asText(), equalTo("FeatureCollection"));
    JsonNode features = doc.get("features");
    assertThat(features.size(), equalTo(points.size()));
    LandingPoint p = points.get(7);
    JsonNode f = features.get(7);
    assertThat(f.at("/geometry/type").asText(), equalTo("Point"));
    assertThat("GeoJSON is [lon, lat]", f.at("/geometry/coordinates/0").asDouble(),
        closeTo(p.longitudeDeg(), 0.5e-6));
    assertThat(f.at("/geometry/coordinates/1").asDouble(), closeTo(p.latitudeDeg(), 0.5e-6));
    JsonNode props = f.get("properties");
    assertThat(props.get("fragment_id").asText(), equalTo(p.fragmentId()));
    assertThat(props.get("sample_index").asLong(), equalTo(7L));
    assertThat(props.get("mass_class").asText(), equalTo(p.massClass()));
    assertThat(props.get("mass_final_kg").asDouble(), closeTo(p.massFinalKg(),
        1e-8 * p.massFinalKg()));
    assertThat(props.get("impact_speed_mps").asDouble(), closeTo(p.impactSpeedMps(), 1e-6));
    assertThat(props.get("landing_time_utc").asText(), equalTo(p.landingTimeUtc().toString()));
    assertThat(props.get("energy_J").asDouble(), closeTo(p.energyJ(), 1e-8 * p.energyJ()));
    assertThat(props.get("uncertainty_radius_m").asDouble(), closeTo(p.uncertaintyRadiusM(),
        1e-9));
    assertThat("point 5 has no radius", features.get(5).at("/properties/uncertainty_radius_m")
        .isNull(), is(true));
    // the attributes the KML placemarks carry too (docs/outputs.md)
    assertThat(props.get("mass_initial_kg").asDouble(), closeTo(p.massInitialKg(),
        1e-8 * p.massInitialKg()));
    assertThat(props.get("time_aloft_s").asDouble(), closeTo(p.timeAloftS(), 1e-6));
    assertThat(props.get("ballistic_coefficient_kg_m2").asDouble(),
        closeTo(p.ballisticCoefficientKgM2(), 1e-8 * p.ballisticCoefficientKgM2()));
    assertThat(props.get("drag_coefficient").asDouble(), closeTo(p.dragCoefficient(), 1e-9));
    assertThat(props.get("density_kg_m3").asDouble(), closeTo(p.densityKgM3(), 1e-6));
    JsonNode hostile = features.get(points.size() - 1).get("properties");
    assertThat(hostile.get("fragment_id").asText(), equalTo(GeoFixtures.HOSTILE));
    assertThat(hostile.get("sample_index").asLong(), equalTo(-1L));
  }

  @Test
  void metaCarriesProvenance() throws IOException {
    JsonNode meta = MAPPER.readTree(write(GeoOutputOptions.defaults(), sample()).toFile())
        .get("meta");
    assertThat(meta.get("schema_version").asText(), equalTo(GeoSchemas.POINTS_SCHEMA_VERSION));
    assertThat(meta.get("event_id").asText(), equalTo("EV-2026-11-24"));
    assertThat(meta.get("run_id").asText(), equalTo("run-0001"));
    assertThat(meta.get("git_commit").asText(), equalTo("0123456789abcdef0123456789abcdef01234567"));
    assertThat(meta.get("created_utc").asText(), equalTo("2026-11-25T12:00:00Z"));
    assertThat(meta.get("producer").asText(), equalTo("darkflight 0.1.0-test"));
    assertThat(meta.at("/inputs/0/path").asText(), equalTo("inputs/event.json"));
    assertThat(meta.at("/inputs/0/sha256").asText(), equalTo("a".repeat(64)));
    assertThat(meta.at("/luminous_end/time_utc").asText(), equalTo("2026-11-24T21:13:07.250Z"));
  }

  @Test
  void outputValidatesAgainstTheSchema() throws IOException {
    for (int decimals : new int[] {5, 6}) {
      JsonNode doc = MAPPER.readTree(write(GeoOutputOptions.defaults()
          .withPrecisionDecimals(decimals), sample()).toFile());
      assertThat(GeoJsonSchemas.validate(GeoSchemas.POINTS_SCHEMA_RESOURCE, doc), empty());
    }
  }

  @Test
  void unknownGitCommitIsNullAndAnEmptyRunIsValid() throws IOException {
    org.darkflight.io.geo.RunInfo b = GeoFixtures.run();
    org.darkflight.io.geo.RunInfo run = new org.darkflight.io.geo.RunInfo(b.eventId(),
        b.runId(), null, b.createdUtc(), b.luminousEndLatitudeDeg(), b.luminousEndLongitudeDeg(),
        b.luminousEndAltitudeM(), b.luminousEndTimeUtc(), b.producer(), List.of(), "failed",
        java.util.Map.of());
    Path out = dir.resolve("empty.geojson");
    assertThat(new StrewnFieldPointsWriter(GeoOutputOptions.defaults()).write(out, run,
        List.<LandingPoint>of().iterator()), equalTo(0L));
    JsonNode doc = MAPPER.readTree(out.toFile());
    assertThat(doc.at("/meta/git_commit").isNull(), is(true));
    assertThat(doc.get("features").size(), equalTo(0));
    assertThat(GeoJsonSchemas.validate(GeoSchemas.POINTS_SCHEMA_RESOURCE, doc), empty());
  }

  @Test
  void schemaRejectsAFeatureWithoutFragmentId() throws IOException {
    JsonNode doc = MAPPER.readTree(write(GeoOutputOptions.defaults(), sample()).toFile());
    ((ObjectNode) doc.at("/features/3/properties")).remove("fragment_id");
    assertThat(GeoJsonSchemas.validate(GeoSchemas.POINTS_SCHEMA_RESOURCE, doc), not(empty()));
    ((ObjectNode) doc.at("/features/3/properties")).put("fragment_id", "x");
    ((ObjectNode) doc.at("/meta")).put("coordinate_precision_decimals", 4);
    assertThat(GeoJsonSchemas.validate(GeoSchemas.POINTS_SCHEMA_RESOURCE, doc), not(empty()));
  }

  @Test
  void coordinatesHaveSixDecimalsByDefaultAndFiveWhenAsked() throws IOException {
    Pattern coords = Pattern.compile("\"coordinates\":\\[(-?[0-9.]+),(-?[0-9.]+)\\]");
    for (int decimals : new int[] {6, 5}) {
      String text = Files.readString(write(GeoOutputOptions.defaults()
          .withPrecisionDecimals(decimals), sample()));
      Matcher m = coords.matcher(text);
      int found = 0;
      String fraction = "-?[0-9]{1,3}\\.[0-9]{" + decimals + "}";
      while (m.find()) {
        assertThat(m.group(1), m.group(1).matches(fraction), is(true));
        assertThat(m.group(2), m.group(2).matches(fraction), is(true));
        found++;
      }
      assertThat(found, equalTo(sample().size()));
    }
  }

  @Test
  void sameInputGivesIdenticalBytes() throws IOException {
    byte[] first = Files.readAllBytes(write(GeoOutputOptions.defaults(), sample()));
    Path other = dir.resolve("again.geojson");
    new StrewnFieldPointsWriter(GeoOutputOptions.defaults()).write(other, GeoFixtures.run(),
        sample().iterator());
    assertArrayEquals(first, Files.readAllBytes(other));
  }

  @Test
  void oneFeaturePerLine() throws IOException {
    List<String> lines = Files.readAllLines(write(GeoOutputOptions.defaults(), sample()),
        StandardCharsets.UTF_8);
    long featureLines = lines.stream().filter(l -> l.startsWith("{\"type\":\"Feature\"")).count();
    assertThat(featureLines, equalTo((long) sample().size()));
  }

  @Test
  void streamsALargeEnsembleWithoutHoldingIt() throws IOException {
    long n = 50_000;
    Path out = dir.resolve("large.geojson");
    long written = new StrewnFieldPointsWriter(GeoOutputOptions.defaults()).write(out,
        GeoFixtures.run(), GeoFixtures.stream(n));
    assertThat(written, equalTo(n));
    try (Stream<String> lines = Files.lines(out)) {
      assertThat(lines.filter(l -> l.startsWith("{\"type\":\"Feature\"")).count(), equalTo(n));
    }
  }

  @Test
  void failureWhileWritingLeavesNothingBehind() throws IOException {
    Path out = dir.resolve("sub").resolve(GeoSchemas.POINTS_FILE);
    Iterator<LandingPoint> failing = new Iterator<>() {
      private int i;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public LandingPoint next() {
        if (i == 1000) {
          throw new IllegalStateException("upstream failed");
        }
        return GeoFixtures.point(i++);
      }
    };
    assertThrows(IllegalStateException.class, () -> new StrewnFieldPointsWriter(
        GeoOutputOptions.defaults()).write(out, GeoFixtures.run(), failing));
    try (Stream<Path> left = Files.list(out.getParent())) {
      assertThat(left.toList(), empty());
    }
  }

  @Test
  void streamVariantDoesNotCloseTheCallersStream() throws IOException {
    boolean[] closed = new boolean[1];
    OutputStream sink = new OutputStream() {
      @Override
      public void write(int b) {}

      @Override
      public void close() {
        closed[0] = true;
      }
    };
    new StrewnFieldPointsWriter(GeoOutputOptions.defaults()).write(sink, GeoFixtures.run(),
        sample().iterator());
    assertThat(closed[0], is(false));
  }
}
