package org.darkflight.pipeline.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.io.nexrad.Level2Reader;
import org.darkflight.io.nexrad.Level2Sweep;
import org.darkflight.io.nexrad.Level2Volume;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code darkflight radar-candidates} on the shipped real Level II volume (KLBB Lubbock TX,
 * 2016-06-01 15:00:25 UTC, the two 0.5° cuts; testdata/nexrad, NOAA public domain) with a
 * hand-made event whose luminous end lies 3.5 minutes before the volume, 20 km above a patch of
 * weak echo 85 km east-north-east of the radar (no meteorite fell there: the echo is weather,
 * which is what a threshold-and-corridor search turns up on such a day). Checks that every
 * written return is a gate of the volume inside the corridor, the window and above the
 * threshold, that the file is valid and that {@code darkflight radar} refuses it until the
 * returns are confirmed and then solves them; bad volumes exit 2 with one line.
 */
class RadarCandidatesCommandTest {

  static final String KLBB = "KLBB20160601_150025_V06_first2cuts";
  static final Instant END = Instant.parse("2016-06-01T14:57:00Z");

  @TempDir static Path shared;
  @TempDir Path tmp;

  static Path dir;
  static CliOutcome first;
  static JsonNode written;

  /** Writes event, atmosphere, physics config and radar metadata (with a copy of the volume). */
  static Path inputs(Path d, String eventTime, String siteId, Path volume) throws Exception {
    Files.createDirectories(d);
    ObjectNode ev = (ObjectNode) Json.mapper().readTree(
        AtmosCommandTest.data("events/synthetic-calm/event.json").toFile());
    ev.put("event_id", "klbb-candidates-check");
    ObjectNode le = (ObjectNode) ev.get("luminous_end");
    le.put("time_utc", eventTime);
    le.put("lat", 33.85);
    le.put("lon", -100.98);
    le.put("elevation_deg", 60);
    ((ObjectNode) ev.at("/meta/provenance")).put("notes", "hand-made test event near KLBB");
    Files.write(d.resolve("event.json"), Json.toCanonicalBytes(ev));
    ObjectNode at = (ObjectNode) Json.mapper().readTree(
        AtmosCommandTest.data("events/synthetic-calm/atmos_profile.json").toFile());
    ((ObjectNode) at.get("meta")).put("profile_time_utc", "2016-06-01T12:00:00Z");
    ((ObjectNode) at.at("/meta/location")).put("lat", 33.85).put("lon", -100.98);
    Files.write(d.resolve("atmos_profile.json"), Json.toCanonicalBytes(at));
    ObjectNode pc = (ObjectNode) Json.mapper().readTree(
        AtmosCommandTest.data("events/synthetic-calm/physics_config.json").toFile());
    pc.put("ground_altitude_m", 900.0);
    Files.write(d.resolve("physics_config.json"), Json.toCanonicalBytes(pc));
    Files.copy(volume, d.resolve(volume.getFileName()));
    Files.writeString(d.resolve("radar_metadata.json"), """
        {"radar_site_id": "%s", "volume_time_utc": "2016-06-01T15:00:25Z",
         "level2_files": ["%s"]}
        """.formatted(siteId, volume.getFileName()));
    return d;
  }

  static CliOutcome candidates(Path d, String... more) {
    List<String> a = new ArrayList<>(List.of("radar-candidates",
        "--event", d.resolve("event.json").toString(),
        "--atmos", d.resolve("atmos_profile.json").toString(),
        "--config", d.resolve("physics_config.json").toString(),
        "--radar-metadata", d.resolve("radar_metadata.json").toString(),
        "--produced-utc", "2024-01-01T00:00:00Z"));
    a.addAll(List.of(more));
    return CliOutcome.run(a.toArray(String[]::new));
  }

  static CliOutcome radar(Path d, Path returns, Path out) {
    return CliOutcome.run("radar", "--event", d.resolve("event.json").toString(),
        "--atmos", d.resolve("atmos_profile.json").toString(),
        "--config", d.resolve("physics_config.json").toString(),
        "--returns", returns.toString(), "--out", out.toString());
  }

  @BeforeAll
  static void findOnce() throws Exception {
    dir = inputs(shared.resolve("in"), END.toString(), "KLBB", AtmosCommandTest.data(
        "nexrad/" + KLBB));
    first = candidates(dir, "--out", shared.resolve("out").toString());
    written = first.exit() == 0
        ? JsonSchemas.readValidated(shared.resolve("out/radar_returns.json"), "radar_returns")
        : null;
  }

  static Set<String> ids(JsonNode doc) {
    Set<String> s = new TreeSet<>();
    doc.get("returns").forEach(r -> s.add(r.get("id").asText()));
    return s;
  }

  @Test
  void everyCandidateIsAGateOfTheVolumeInsideCorridorWindowAndThreshold() throws Exception {
    assertThat(first.err(), first.exit(), is(0));
    JsonNode returns = written.get("returns");
    assertThat(returns.size(), greaterThan(20));
    Level2Volume v = Level2Reader.read(AtmosCommandTest.data("nexrad/" + KLBB),
        Level2Reader.Expectation.none());
    Instant windowEnd = Instant.parse(written.at("/meta/selection/window_end_utc").asText());
    assertThat(windowEnd.isAfter(END), is(true));
    for (JsonNode r : returns) {
      String id = r.get("id").asText();
      JsonNode c = r.get("candidate");
      assertThat(id, r.get("review").asText(), is("candidate"));
      assertThat(id, r.get("reflectivity_dbz").asDouble(), greaterThanOrEqualTo(5.0));
      assertThat(id, c.get("corridor_distance_m").asDouble(), lessThanOrEqualTo(3000.0));
      Instant t = Instant.parse(r.get("time_utc").asText());
      assertThat(id, t.isBefore(END) || t.isAfter(windowEnd), is(false));
      // the same gate, read independently from the volume
      Level2Sweep sw = v.reflectivity().stream()
          .filter(s -> s.elevationNumber() == c.get("elevation_number").asInt())
          .findFirst().orElseThrow();
      int radial = c.get("radial_index").asInt();
      int gate = c.get("gate_index").asInt();
      assertThat(id, sw.value(radial, gate), is(r.get("reflectivity_dbz").asDouble()));
      assertThat(id, sw.time(radial), is(t));
      assertThat(id, (double) sw.azimuthsDeg()[radial], is(r.get("azimuth_deg").asDouble()));
      assertThat(id, (double) sw.elevationsDeg()[radial], is(r.get("elevation_deg").asDouble()));
      assertThat(id, (double) sw.gateRangesM()[gate], is(r.get("slant_range_m").asDouble()));
      // the corridor runs from 20 km to the ground at 900 m; the 0.5° beam is ~2.2 km up there
      assertThat(id, c.get("height_m").asDouble(), lessThan(20_000.0));
      assertThat(id, c.get("height_m").asDouble(), greaterThan(900.0));
    }
    assertThat(r(written, "/returns/0/site/id"), is("KLBB"));
    assertThat(first.out(), containsString("candidate returns"));
  }

  private static String r(JsonNode doc, String pointer) {
    return doc.at(pointer).asText();
  }

  @Test
  void aHigherThresholdAndANarrowerCorridorKeepExactlyTheMatchingSubset() throws Exception {
    assertThat(first.err(), first.exit(), is(0));
    CliOutcome strict = candidates(dir, "--min-dbz", "15", "--corridor-half-width-m", "1500",
        "--out", tmp.resolve("strict").toString());
    assertThat(strict.err(), strict.exit(), is(0));
    JsonNode s = JsonSchemas.readValidated(tmp.resolve("strict/radar_returns.json"),
        "radar_returns");
    Set<String> expected = new TreeSet<>();
    for (JsonNode r : written.get("returns")) {
      if (r.get("reflectivity_dbz").asDouble() >= 15
          && r.at("/candidate/corridor_distance_m").asDouble() <= 1500) {
        expected.add(r.get("id").asText());
      }
    }
    assertThat(expected.size(), greaterThan(0));
    assertThat(expected.size(), lessThan(ids(written).size()));
    assertThat(ids(s), is(expected));
    // a threshold no gate reaches finds nothing and writes nothing
    CliOutcome none = candidates(dir, "--min-dbz", "80", "--out",
        tmp.resolve("none").toString());
    assertThat(none.err(), none.exit(), is(0));
    assertThat(none.out(), containsString("nothing written"));
    assertThat(Files.exists(tmp.resolve("none/radar_returns.json")), is(false));
  }

  @Test
  void radarRefusesUnreviewedCandidatesAndSolvesConfirmedOnes() throws Exception {
    assertThat(first.err(), first.exit(), is(0));
    Path file = shared.resolve("out/radar_returns.json");
    CliOutcome refused = radar(dir, file, tmp.resolve("refused"));
    assertThat(refused.exit(), is(2));
    assertThat(refused.err(), containsString("/returns/0/review"));
    assertThat(refused.err(), containsString("unreviewed candidate"));
    assertThat(refused.err().strip().lines().count(), is(1L));
    assertThat(Files.exists(tmp.resolve("refused/radar_solution.json")), is(false));
    // the analyst keeps three candidates without QC flags and confirms them
    ObjectNode doc = (ObjectNode) written.deepCopy();
    ArrayNode kept = Json.mapper().createArrayNode();
    for (JsonNode r : doc.get("returns")) {
      if (r.at("/candidate/qc_flags").isEmpty() && kept.size() < 3) {
        ((ObjectNode) r).put("review", "confirmed");
        kept.add(r);
      }
    }
    assertThat(kept.size(), is(3));
    doc.set("returns", kept);
    Path confirmed = Files.write(tmp.resolve("confirmed.json"), Json.toCanonicalBytes(doc));
    JsonSchemas.readValidated(confirmed, "radar_returns");
    CliOutcome solved = radar(dir, confirmed, tmp.resolve("radar"));
    assertThat(solved.err(), solved.exit(), is(0));
    JsonNode sol = JsonSchemas.readValidated(tmp.resolve("radar/radar_solution.json"),
        "radar_solution");
    assertThat(sol.get("returns").size(), is(kept.size()));
    long ok = 0;
    for (JsonNode r : sol.get("returns")) {
      ok += r.get("status").asText().equals("solved") ? 1 : 0;
    }
    assertThat(ok, greaterThan(0L));
  }

  @Test
  void aTruncatedVolumeIsRefusedInOneLine() throws Exception {
    Path cut = tmp.resolve("cut").resolve(KLBB);
    Files.createDirectories(cut.getParent());
    byte[] b = Files.readAllBytes(AtmosCommandTest.data("nexrad/" + KLBB));
    Files.write(cut, java.util.Arrays.copyOf(b, 700_000));
    Path d = inputs(tmp.resolve("in"), END.toString(), "KLBB", cut);
    CliOutcome o = candidates(d, "--out", tmp.resolve("out").toString());
    assertThat(o.exit(), is(2));
    assertThat(o.err(), containsString(KLBB));
    assertThat(o.err(), containsString("truncated"));
    assertThat(o.err().strip().lines().count(), is(1L));
    assertThat(Files.exists(tmp.resolve("out/radar_returns.json")), is(false));
  }

  @Test
  void aVolumeOfAnotherRadarIsRefusedInOneLine() throws Exception {
    Path d = inputs(tmp.resolve("in"), END.toString(), "KAMA",
        AtmosCommandTest.data("nexrad/" + KLBB));
    CliOutcome o = candidates(d, "--out", tmp.resolve("out").toString());
    assertThat(o.exit(), is(2));
    assertThat(o.err(), containsString("the volume is from radar KLBB, but radar_metadata.json"
        + " says KAMA"));
    assertThat(o.err().strip().lines().count(), is(1L));
    assertThat(Files.exists(tmp.resolve("out")), is(false));
  }

  @Test
  void aVolumeFromAnotherDayIsRefusedInOneLine() throws Exception {
    Path d = inputs(tmp.resolve("in"), "2016-06-02T14:57:00Z", "KLBB",
        AtmosCommandTest.data("nexrad/" + KLBB));
    CliOutcome o = candidates(d, "--out", tmp.resolve("out").toString());
    assertThat(o.exit(), is(2));
    assertThat(o.err(), containsString(KLBB));
    assertThat(o.err(), containsString("outside the candidate window after the luminous end"));
    assertThat(o.err().strip().lines().count(), is(1L));
    assertThat(Files.exists(tmp.resolve("out")), is(false));
  }

  @Test
  void helpStatesTheDefaults() {
    CliOutcome o = CliOutcome.run("radar-candidates", "--help");
    assertThat(o.exit(), is(0));
    assertThat(o.out(), containsString("--min-dbz"));
    assertThat(o.out(), containsString("default: 5.0"));
    assertThat(o.out(), containsString("default: 3000"));
    assertThat(o.out(), containsString("longest fall time"));
  }
}
