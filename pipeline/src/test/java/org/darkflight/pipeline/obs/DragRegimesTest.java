package org.darkflight.pipeline.obs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.darkflight.io.json.Json;
import org.darkflight.physics.trajectory.TrajectoryPoint;
import org.darkflight.pipeline.cli.DarkflightCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Time above Mach thresholds and in flow regimes. */
class DragRegimesTest {

  private static final Path EVENT = Path.of("../testdata/events/synthetic-calm");

  @TempDir Path tmp;

  private static TrajectoryPoint at(double t, double mach) {
    return new TrajectoryPoint(t, 0, 0, 1000, 0, 0, -1, 1, 1, mach, 1);
  }

  /** M(t) = 6 − t/2 on [0, 12], sampled every {@code dt}. */
  private static List<TrajectoryPoint> decelerating(double dt) {
    List<TrajectoryPoint> p = new ArrayList<>();
    int n = (int) Math.round(12 / dt);
    for (int i = 0; i <= n; i++) {
      double t = i * dt;
      p.add(at(t, 6 - t / 2));
    }
    return p;
  }

  @Test
  void linearDecelerationMatchesTheClosedForm() {
    // M > th while t < 2 (6 − th): 2 s above 5, 6 s above 3, 10 s above 1, 10.4 s above 0.8
    for (double dt : new double[] {0.1, 0.75, 3.0}) {
      List<TrajectoryPoint> p = decelerating(dt);
      assertThat(DragRegimes.timeAboveS(p, 5), closeTo(2.0, 1e-9));
      assertThat(DragRegimes.timeAboveS(p, 3), closeTo(6.0, 1e-9));
      assertThat(DragRegimes.timeAboveS(p, 1), closeTo(10.0, 1e-9));
      assertThat(DragRegimes.timeAboveS(p, 0.8), closeTo(10.4, 1e-9));
      Map<String, Double> r = DragRegimes.timeInRegimesS(p);
      assertThat(r.get("hypersonic"), closeTo(2.0, 1e-9));
      assertThat(r.get("supersonic"), closeTo(2 * (5 - 1.2), 1e-9));
      assertThat(r.get("transonic"), closeTo(2 * (1.2 - 0.8), 1e-9));
      assertThat(r.get("subsonic"), closeTo(12 - 10.4, 1e-9));
    }
  }

  @Test
  void accelerationThroughAThresholdCountsTheLaterPart() {
    // M rises 0.5 → 1.5 over 4 s: above 1 for the last 2 s
    List<TrajectoryPoint> p = List.of(at(0, 0.5), at(4, 1.5));
    assertThat(DragRegimes.timeAboveS(p, 1), closeTo(2.0, 1e-12));
    assertThat(DragRegimes.timeAboveS(p, 2), is(0.0));
  }

  @Test
  void debugRunWritesTheArtifactForEveryFragment() throws Exception {
    Path out = tmp.resolve("out");
    int exit = DarkflightCli.commandLine().execute("--debug", "--log-format=json", "run",
        "--event", EVENT.resolve("event.json").toString(),
        "--atmos", EVENT.resolve("atmos_profile.json").toString(),
        "--config", EVENT.resolve("physics_config.json").toString(),
        "--fragments", EVENT.resolve("fragments.json").toString(),
        "--out", out.toString(), "--produced-utc=2024-01-01T00:00:00Z");
    assertThat(exit, is(0));
    JsonNode doc = Json.mapper().readTree(Files.readAllBytes(out.resolve(DragRegimes.FILE)));
    JsonNode frags = Json.mapper().readTree(EVENT.resolve("fragments.json").toFile())
        .get("fragments");
    assertThat(doc.get("trajectories").size(), is(frags.size()));
    for (JsonNode t : doc.get("trajectories")) {
      double sum = 0;
      for (JsonNode v : t.get("time_in_regime_s")) {
        assertThat(v.asDouble(), greaterThanOrEqualTo(-1e-9));
        sum += v.asDouble();
      }
      assertThat("the regimes partition the fall", sum, closeTo(t.get("fall_time_s").asDouble(),
          1e-6));
      JsonNode above = t.get("time_above_mach_s");
      assertThat(above.get("0.8").asDouble(), greaterThanOrEqualTo(above.get("1").asDouble()));
      assertThat(above.get("1").asDouble(), greaterThanOrEqualTo(above.get("3").asDouble()));
      assertThat(t.get("fall_time_s").asDouble(), greaterThan(0.0));
    }
  }
}
