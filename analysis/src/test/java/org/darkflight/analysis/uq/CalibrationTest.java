package org.darkflight.analysis.uq;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.darkflight.io.atmos.AtmosProfiles;
import org.darkflight.io.config.PhysicsConfigFiles;
import org.darkflight.io.event.EventFiles;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.atmosphere.ProfileAtmosphere;
import org.junit.jupiter.api.Test;

/**
 * Calibration recovers the offsets and drag scale that generated synthetic finds (noise-free,
 * Park Forest 2003 profile and luminous end), and keeps the baseline with a single find.
 */
class CalibrationTest {

  static final Path EVENT = Path.of("../testdata/events/park-forest-2003");

  static PhysicsForwardModel model() throws Exception {
    return new PhysicsForwardModel(
        new ProfileAtmosphere(AtmosProfiles.read(EVENT.resolve("atmos_profile.json"))
            .atmosLevels()),
        PhysicsConfigFiles.read(EVENT.resolve("physics_config.json")),
        EventFiles.read(EVENT.resolve("event.json")).luminousEnd(),
        new Fragment("find", 1.0, 3320, 0.92, Fragment.SPHERE_SHAPE_FACTOR));
  }

  static List<Find> synthetic(PhysicsForwardModel m, double[] truth, double... massesKg) {
    List<Find> finds = new ArrayList<>();
    for (double mass : massesKg) {
      double[] ll = m.landing(truth, mass);
      finds.add(new Find("F" + mass, ll[0], ll[1], mass, 50));
    }
    return finds;
  }

  @Test
  void recoversKnownOffsetsAndDragScale() throws Exception {
    PhysicsForwardModel m = model();
    double[] truth = {700, -400, 1.15, 1, 3320};
    List<Find> finds = synthetic(m, truth, 0.01, 0.1, 1, 10);
    boolean[] free = {true, true, true, false, false};
    Calibration.Result r = new Calibration(m, finds, m.baseline(), free).fit();
    assertThat(r.message(), r.calibrated(), equalTo(true));
    assertThat(r.values()[0], closeTo(700, 30));
    assertThat(r.values()[1], closeTo(-400, 30));
    assertThat(r.values()[2], closeTo(1.15, 0.03));
    assertThat(r.nll(), lessThan(0.05 * r.baselineNll()));
    for (int i = 0; i < 3; i++) {
      assertThat(r.sigma()[i], greaterThan(0.0));
    }
    assertThat(Double.isNaN(r.sigma()[3]), equalTo(true));
  }

  @Test
  void oneFindKeepsTheBaseline() throws Exception {
    PhysicsForwardModel m = model();
    List<Find> finds = synthetic(m, new double[] {500, 0, 1, 1, 3320}, 1);
    Calibration.Result r = new Calibration(m, finds, m.baseline(),
        new boolean[] {true, true, true, true, true}).fit();
    assertThat(r.calibrated(), equalTo(false));
    assertThat(r.message(), containsString("insufficient evidence"));
    assertThat(r.values()[0], equalTo(0.0));
    assertThat(r.values()[2], equalTo(1.0));
  }
}
