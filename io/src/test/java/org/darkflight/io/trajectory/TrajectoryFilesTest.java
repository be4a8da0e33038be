package org.darkflight.io.trajectory;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.darkflight.io.meta.InputRef;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.trajectory.Landing;
import org.darkflight.physics.trajectory.Trajectory;
import org.darkflight.physics.trajectory.TrajectoryPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrajectoryFilesTest {

  @TempDir Path dir;

  private static final Instant T0 = Instant.parse("2003-03-27T05:50:15Z");
  private static final String SHA = "d8587bea7bece387a1f22d4d35019604c793a920abe2bf20b5f589c53911cfd5";

  private static Trajectory trajectory(double lat) {
    Fragment f = new Fragment("m1000g", 1.0, 3320, 0.92, 1.21);
    List<TrajectoryPoint> pts = List.of(
        new TrajectoryPoint(0, 41.34677645992267, -87.78775237400663, 16000, 82.27, 1569.8,
            -2555.18, 3000, 1.0, 10.1, 0.92),
        new TrajectoryPoint(1.0, 41.36, -87.787, 14000.123456, 10.0, 500.0, -900.0, 1029.6, 1.0,
            3.2, 0.95),
        new TrajectoryPoint(123.4567891, lat, -87.7512345678, 218, 3.1, -1.2, -60.0, 60.09, 1.0,
            0.18, 0.43));
    Landing l = new Landing(lat, -87.7512345678, 218, T0.plusNanos(123_456_789_100L),
        123.4567891, 60.09, 59.5, 1.0, 9123.4567, 12.5, 1805.4, 0.92);
    return new Trajectory(f, pts, l);
  }

  @Test
  void writesASchemaValidFileWithSixDecimalCoordinates() throws Exception {
    Path out = TrajectoryFiles.write(dir, "park-forest-2003", trajectory(41.4270401234),
        PhysicsConfig.defaults(), List.of(new InputRef("event.json", SHA)));
    assertThat(out, equalTo(dir.resolve("trajectories/m1000g.json")));
    JsonNode n = TrajectoryFiles.read(out);
    assertThat(n.get("points").size(), equalTo(3));
    String text = Files.readString(out);
    // Every lat/lon in the text has exactly six decimals.
    Matcher m = Pattern.compile("\"(lat|lon)\": (-?\\d+\\.\\d+)").matcher(text);
    int count = 0;
    while (m.find()) {
      assertThat(m.group(2).split("\\.")[1].length(), equalTo(6));
      count++;
    }
    assertThat(count, equalTo(8));
    assertThat(text, containsString("\"lat\": 41.427040"));
    assertThat(text, containsString("\"lon\": -87.751235"));
    assertThat(n.at("/landing/time_utc").asText(), equalTo("2003-03-27T05:52:18.457Z"));
    assertThat(n.at("/landing/fall_time_s").decimalValue().toPlainString(), equalTo("123.457"));
    assertThat(n.at("/meta/inputs/0/sha256").asText(), equalTo(SHA));
    assertThat(n.at("/meta/physics/drag_model").asText(), equalTo("simple_constant"));
    assertThat(text.contains("\r"), equalTo(false));
  }

  @Test
  void sameTrajectoryGivesSameBytes() throws Exception {
    Path a = TrajectoryFiles.write(dir.resolve("a"), "e", trajectory(41.5),
        PhysicsConfig.defaults(), List.of());
    Path b = TrajectoryFiles.write(dir.resolve("b"), "e", trajectory(41.5),
        PhysicsConfig.defaults(), List.of());
    assertThat(Files.readAllBytes(a), equalTo(Files.readAllBytes(b)));
  }

  @Test
  void nonFiniteValueWritesNothing() {
    assertThrows(IllegalArgumentException.class, () -> TrajectoryFiles.write(dir, "e",
        trajectory(Double.NaN), PhysicsConfig.defaults(), List.of()));
    assertThat(Files.exists(dir.resolve("trajectories")), equalTo(false));
  }

  @Test
  void inputRefHashesFileContent() throws Exception {
    Path f = dir.resolve("abc.txt");
    Files.writeString(f, "abc");
    // FIPS 180-2 appendix B.1 test vector for "abc".
    assertThat(InputRef.of(f, "abc.txt").sha256(),
        equalTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
  }
}
