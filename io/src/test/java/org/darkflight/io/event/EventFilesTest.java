package org.darkflight.io.event;

import static org.darkflight.io.testsupport.TestFiles.mutated;
import static org.darkflight.io.testsupport.TestFiles.rejects;
import static org.darkflight.io.testsupport.TestFiles.testdata;
import static org.darkflight.io.testsupport.TestFiles.writeText;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import org.darkflight.io.InputException;
import org.darkflight.physics.LuminousEnd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFilesTest {

  private static final String PF = "events/park-forest-2003/event.json";

  @TempDir Path dir;

  private InputException bad(Consumer<ObjectNode> mutation) {
    return rejects(EventFiles::read, mutated(dir, PF, mutation));
  }

  private static ObjectNode end(ObjectNode root) {
    return (ObjectNode) root.get("luminous_end");
  }

  @Test
  void readsParkForestLuminousEnd() throws Exception {
    Event e = EventFiles.read(testdata(PF));
    LuminousEnd l = e.luminousEnd();
    assertThat(e.eventId(), equalTo("park-forest-2003"));
    assertThat(l.timeUtc(), equalTo(Instant.parse("2003-03-27T05:50:15Z")));
    // UTM 16N E 434097 N 4577553 → WGS84; the workbook's own terminus point converts to round
    // numbers with the same conversion (see provenance), and the city of Park Forest lies at
    // about 41.48 N, 87.68 W: the start must be within ~20 km of it.
    assertThat(l.latitudeDeg(), closeTo(41.3467765, 1e-7));
    assertThat(l.longitudeDeg(), closeTo(-87.7877524, 1e-7));
    assertThat(l.altitudeM(), equalTo(16000.0));
    assertThat(l.speedMps(), equalTo(3000.0));
    assertThat(l.azimuthDeg(), equalTo(3.0));
    assertThat(l.elevationDeg(), equalTo(58.4));
    assertThat(e.meta().provenance().get("source").asText(), containsString("J2_temp"));
  }

  @Test
  void roundTripsThroughTheWriter() throws Exception {
    Event e = EventFiles.read(testdata(PF));
    Path out = dir.resolve("out/event.json");
    EventFiles.write(out, e);
    Event back = EventFiles.read(out);
    assertThat(back, equalTo(e));
  }

  @Test
  void missingFieldIsNamed() {
    InputException e = bad(r -> end(r).remove("lat"));
    assertThat(e.field(), equalTo("/luminous_end/lat"));
    assertThat(e.file(), containsString("event.json"));
  }

  @Test
  void latitudeOutOfRange() {
    assertThat(bad(r -> end(r).put("lat", 91.0)).field(), equalTo("/luminous_end/lat"));
  }

  @Test
  void azimuthMustBeBelow360() {
    assertThat(bad(r -> end(r).put("azimuth_deg", 360.0)).field(),
        equalTo("/luminous_end/azimuth_deg"));
    assertThat(bad(r -> end(r).put("azimuth_deg", -1.0)).field(),
        equalTo("/luminous_end/azimuth_deg"));
  }

  @Test
  void elevationMustBeWithin0And90() {
    assertThat(bad(r -> end(r).put("elevation_deg", 90.5)).field(),
        equalTo("/luminous_end/elevation_deg"));
    assertThat(bad(r -> end(r).put("elevation_deg", -3.0)).field(),
        equalTo("/luminous_end/elevation_deg"));
  }

  @Test
  void negativeSpeedIsRejected() {
    assertThat(bad(r -> end(r).put("speed_mps", -1.0)).field(), equalTo("/luminous_end/speed_mps"));
  }

  @Test
  void timeMustBeUtc() {
    assertThat(bad(r -> end(r).put("time_utc", "2003-03-27T05:50:15+02:00")).field(),
        equalTo("/luminous_end/time_utc"));
    assertThat(bad(r -> end(r).put("time_utc", "27/03/2003 05:50")).field(),
        equalTo("/luminous_end/time_utc"));
  }

  @Test
  void numberAsStringIsRejected() {
    assertThat(bad(r -> end(r).put("altitude_m", "16000")).field(),
        equalTo("/luminous_end/altitude_m"));
  }

  @Test
  void unknownFieldIsRejected() {
    assertThat(bad(r -> end(r).put("altitude_ft", 5.0)).field(),
        equalTo("/luminous_end/altitude_ft"));
  }

  @Test
  void schemaAndMetaAreOptional() throws Exception {
    // Issue 16 §1 (docs/inputs.md: meta.units / meta.provenance optional): these were refused before.
    Event noMeta = EventFiles.read(mutated(dir, PF, r -> r.remove("meta")));
    assertThat(noMeta.meta(), equalTo(null));
    EventFiles.read(mutated(dir, PF, r -> r.remove("$schema")));
    EventFiles.read(mutated(dir, PF, r -> ((ObjectNode) r.get("meta")).remove("provenance")));
    EventFiles.read(mutated(dir, PF, r -> ((ObjectNode) r.get("meta")).remove("schema_version")));
    EventFiles.read(mutated(dir, PF, r -> ((ObjectNode) r.get("meta")).putObject("units")));
  }

  @Test
  void minimalSpecEventIsRead() throws Exception {
    Path f = writeText(dir, "event.json", "{\"event_id\": \"e1\", \"luminous_end\": {"
        + "\"time_utc\": \"2024-05-01T12:00:00Z\", \"lat\": 41.5, \"lon\": -87.7,"
        + " \"altitude_m\": 20000, \"speed_mps\": 3000, \"azimuth_deg\": 90,"
        + " \"elevation_deg\": 45}}");
    assertThat(EventFiles.read(f).luminousEnd().elevationDeg(), equalTo(45.0));
  }

  @Test
  void schemaWhenGivenMustNameTheEventSchema() {
    InputException e = bad(r -> r.put("$schema", "https://example.org/other.json"));
    assertThat(e.field(), equalTo("/$schema"));
    InputException wrongKind = bad(r -> r.put("$schema",
        "https://darkflight.org/schemas/fragments.schema.json"));
    assertThat(wrongKind.reason(), containsString("wrong file given?"));
  }

  @Test
  void unitKeysMustBeFieldNames() {
    InputException e = bad(r -> ((ObjectNode) r.at("/meta/units")).put("luminous_end.lat", "rad"));
    assertThat(e.field(), equalTo("/meta/units/luminous_end.lat"));
    assertThat(e.reason(), containsString("unknown field `luminous_end.lat`"));
  }

  @Test
  void zenithAngleIsTheAlternativeToElevation() throws Exception {
    Event e = EventFiles.read(mutated(dir, PF, r -> {
      end(r).remove("elevation_deg");
      end(r).put("zenith_angle_deg", 31.6);
    }));
    assertThat(e.luminousEnd().elevationDeg(), closeTo(58.4, 1e-12));
    InputException both = bad(r -> end(r).put("zenith_angle_deg", 31.6));
    assertThat(both.getMessage(), containsString("both elevation_deg and zenith_angle_deg"));
    InputException none = bad(r -> end(r).remove("elevation_deg"));
    assertThat(none.field(), equalTo("/luminous_end/elevation_deg"));
    assertThat(none.reason(), containsString("zenith_angle_deg"));
  }

  @Test
  void unknownFieldGetsTheNearestKnownName() {
    InputException e = bad(r -> {
      end(r).remove("elevation_deg");
      end(r).put("elevaton_deg", 58.4);
    });
    assertThat(e.getMessage(), containsString(
        "/luminous_end/elevaton_deg: unknown field `elevaton_deg`; did you mean `elevation_deg`?"));
  }

  @Test
  void everyProblemIsListedEachOnItsOwnLine() {
    InputException e = bad(r -> {
      end(r).put("time_utc", "27/03/2003 05:50");
      end(r).put("lat", 91.0);
      end(r).remove("lon");
      end(r).put("altitud_m", 1.0);
    });
    assertThat(e.problems().size(), org.hamcrest.Matchers.greaterThanOrEqualTo(4));
    String all = e.getMessage();
    assertThat(all, containsString("/luminous_end/lat:"));
    assertThat(all, containsString("/luminous_end/lon: required field `lon` is missing"));
    assertThat(all, containsString("did you mean `altitude_m`?"));
    for (String line : e.messageLines()) {
      assertThat(line, containsString("event.json: /luminous_end/"));
    }
  }

  @Test
  void badTimeGivesOneReadableReason() {
    InputException e = bad(r -> end(r).put("time_utc", "2003-03-27 05:50"));
    for (InputException p : e.problems()) {
      if (p.field().equals("/luminous_end/time_utc")) {
        assertThat(p.reason(), org.hamcrest.Matchers.not(containsString("pattern must")));
      }
    }
    assertThat(e.getMessage(), containsString("/luminous_end/time_utc: not a valid date-time; "
        + "write an RFC 3339 UTC time such as 2024-05-01T12:34:56Z"));
  }

  @Test
  void declaredUnitMustMatchTheField() {
    InputException e = bad(r -> ((ObjectNode) r.at("/meta/units")).put("altitude_m", "ft"));
    assertThat(e.field(), equalTo("/meta/units/altitude_m"));
  }

  @Test
  void eventIdMustBeUsableInAFileName() {
    assertThat(bad(r -> r.put("event_id", "../etc")).field(), equalTo("/event_id"));
  }

  @Test
  void nanLiteralIsMalformedJson() {
    Path f = writeText(dir, "event.json", "{\"$schema\":\"x\",\"event_id\":\"a\",\"luminous_end\":"
        + "{\"lat\":NaN}}");
    InputException e = rejects(EventFiles::read, f);
    assertThat(e.reason(), containsString("malformed JSON"));
    assertThat(e.getMessage(), containsString("event.json: line 1, column"));
  }
}
