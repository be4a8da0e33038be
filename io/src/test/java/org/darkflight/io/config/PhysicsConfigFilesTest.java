package org.darkflight.io.config;

import static org.darkflight.io.testsupport.TestFiles.mutated;
import static org.darkflight.io.testsupport.TestFiles.rejects;
import static org.darkflight.io.testsupport.TestFiles.testdata;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.darkflight.io.InputException;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.PhysicsConfig.DragModelKind;
import org.darkflight.physics.PhysicsConfig.GravityModelKind;
import org.darkflight.physics.PhysicsConfig.IntegratorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhysicsConfigFilesTest {

  private static final String PF = "events/park-forest-2003/physics_config.json";
  private static final String CALM = "events/synthetic-calm/physics_config.json";

  @TempDir Path dir;

  private InputException bad(Consumer<ObjectNode> mutation) {
    return rejects(PhysicsConfigFiles::read, mutated(dir, PF, mutation));
  }

  private static ObjectNode integration(ObjectNode r) {
    return (ObjectNode) r.get("integration");
  }

  @Test
  void absentOptionalsTakeTheDefaults() throws Exception {
    PhysicsConfig c = PhysicsConfigFiles.read(testdata(CALM));
    assertThat(c.dragModel(), equalTo(DragModelKind.SIMPLE_CONSTANT));
    assertThat(c.gravityModel(), equalTo(GravityModelKind.CONSTANT));
    assertThat(c.integration().method(), equalTo(IntegratorKind.RK4));
    assertThat(c.integration().dtInitialS(), equalTo(0.05));
    assertThat(c.ablation().enabled(), equalTo(false));
    PhysicsConfig d = PhysicsConfig.defaults();
    assertThat(c.cdScale(), equalTo(d.cdScale()));
    assertThat(c.earthRotation(), equalTo(d.earthRotation()));
    assertThat(c.groundAltitudeM(), equalTo(d.groundAltitudeM()));
    assertThat(c.outputIntervalS(), equalTo(d.outputIntervalS()));
    assertThat(c.legacy(), equalTo(d.legacy()));
    assertThat(c.integration().relativeTolerance(), equalTo(d.integration().relativeTolerance()));
    assertThat(c.integration().absoluteToleranceM(),
        equalTo(d.integration().absoluteToleranceM()));
  }

  @Test
  void readsEveryFieldGiven() throws Exception {
    PhysicsConfig c = PhysicsConfigFiles.read(testdata(PF));
    assertThat(c.dragModel(), equalTo(DragModelKind.MACH_REGIME));
    assertThat(c.gravityModel(), equalTo(GravityModelKind.WGS84_LOCAL));
    assertThat(c.groundAltitudeM(), equalTo(218.0));
  }

  @Test
  void ablationParametersAreRead() throws Exception {
    Path f = mutated(dir, PF, r -> {
      ObjectNode a = (ObjectNode) r.get("ablation");
      a.put("enabled", true).put("method", "simple");
      a.putObject("params").put("sigma", 1.4e-8).put("Q_star", 8e6);
    });
    PhysicsConfig c = PhysicsConfigFiles.read(f);
    assertThat(c.ablation().enabled(), equalTo(true));
    assertThat(c.ablation().method(), equalTo(PhysicsConfig.AblationMethod.SIMPLE));
    assertThat(c.ablation().sigma(), equalTo(1.4e-8));
    assertThat(c.ablation().qStarJPerKg(), equalTo(8e6));
    assertThat(Double.isNaN(c.ablation().kAb()), equalTo(true));
  }

  @Test
  void roundTripsThroughTheWriter() throws Exception {
    PhysicsConfig c = PhysicsConfigFiles.read(testdata(PF));
    Path out = dir.resolve("c/physics_config.json");
    PhysicsConfigFiles.write(out, c, null);
    assertThat(PhysicsConfigFiles.read(out), equalTo(c));
  }

  @Test
  void unknownDragModelIsRejected() {
    InputException e = bad(r -> r.put("drag_model", "quadratic"));
    assertThat(e.field(), equalTo("/drag_model"));
    assertThat(e.reason(), containsString("mach_regime"));
  }

  @Test
  void unknownEnumsEverywhere() {
    assertThat(bad(r -> r.put("gravity_model", "flat")).field(), equalTo("/gravity_model"));
    assertThat(bad(r -> r.put("legacy", "fries_v3")).field(), equalTo("/legacy"));
    assertThat(bad(r -> integration(r).put("method", "euler")).field(),
        equalTo("/integration/method"));
    assertThat(bad(r -> ((ObjectNode) r.get("ablation")).put("method", "fast")).field(),
        equalTo("/ablation/method"));
  }

  @Test
  void enabledAblationNeedsAMethod() {
    InputException e = bad(r -> ((ObjectNode) r.get("ablation")).put("enabled", true)
        .remove("method"));
    assertThat(e.field(), equalTo("/ablation/method"));
  }

  @Test
  void stepsMustBeOrdered() {
    assertThat(bad(r -> integration(r).put("dt_min_s", 0.5)).field(),
        equalTo("/integration/dt_min_s"));
    assertThat(bad(r -> integration(r).put("dt_initial_s", 0.001)).field(),
        equalTo("/integration/dt_initial_s"));
  }

  @Test
  void nonPositiveValuesAreRejected() {
    assertThat(bad(r -> integration(r).put("dt_max_s", 0)).field(),
        equalTo("/integration/dt_max_s"));
    assertThat(bad(r -> r.put("cd_scale", 0)).field(), equalTo("/cd_scale"));
    assertThat(bad(r -> r.put("output_interval_s", -1)).field(), equalTo("/output_interval_s"));
  }

  @Test
  void unknownFieldIsRejected() {
    assertThat(bad(r -> r.put("cd_base", 1.3)).field(), equalTo("/cd_base"));
  }

  @Test
  void wrongTypeIsRejected() {
    assertThat(bad(r -> r.put("earth_rotation", "yes")).field(), equalTo("/earth_rotation"));
  }
}
