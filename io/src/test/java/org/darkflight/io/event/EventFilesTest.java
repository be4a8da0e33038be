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
  void metaNeedsUnitsAndProvenance() {
    assertThat(bad(r -> ((ObjectNode) r.get("meta")).remove("provenance")).field(),
        equalTo("/meta/provenance"));
    assertThat(bad(r -> ((ObjectNode) r.get("meta")).remove("units")).field(),
        equalTo("/meta/units"));
    assertThat(bad(r -> r.remove("$schema")).field(), equalTo("/$schema"));
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
