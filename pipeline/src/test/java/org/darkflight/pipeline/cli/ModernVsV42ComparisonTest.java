package org.darkflight.pipeline.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;

import java.nio.file.Path;
import java.util.Locale;
import org.darkflight.io.atmos.AtmosProfiles;
import org.darkflight.io.config.PhysicsConfigFiles;
import org.darkflight.io.event.EventFiles;
import org.darkflight.io.fragments.FragmentsFiles;
import org.darkflight.io.workbook.UtmZone;
import org.darkflight.io.workbook.V42WorkbookReader;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.atmosphere.ProfileAtmosphere;
import org.darkflight.physics.legacy.FriesV42;
import org.darkflight.physics.legacy.FriesV42Inputs;
import org.darkflight.physics.legacy.FriesV42Result;
import org.darkflight.physics.models.PhysicsModels;
import org.darkflight.physics.trajectory.Landing;
import org.junit.jupiter.api.Test;

/**
 * The modern physics on the Park Forest inputs beside the v.42 result (docs/legacy.md). Not a
 * parity test: it measures how far the two land apart and checks the direction of the
 * difference that the v.42 drag decomposition predicts.
 */
class ModernVsV42ComparisonTest {

  static final Path EVENT = ValidateCommandTest.REPO.resolve("testdata/events/park-forest-2003");

  @Test
  void modernAndV42LandInTheSameQuadrantAndReportTheGap() throws Exception {
    LuminousEnd start = EventFiles.read(EVENT.resolve("event.json")).luminousEnd();
    ProfileAtmosphere atmosphere = new ProfileAtmosphere(
        AtmosProfiles.read(EVENT.resolve("atmos_profile.json")).atmosLevels());
    PhysicsConfig full = PhysicsConfigFiles.read(EVENT.resolve("physics_config.json"));
    Fragment kg = FragmentsFiles.read(EVENT.resolve("fragments.json")).fragments().stream()
        .filter(f -> Math.abs(f.massKg() - 1.0) < 1e-12).findFirst().orElseThrow();
    FriesV42Inputs in = new V42WorkbookReader().read(WorkbookCommandTest.BOOK);
    FriesV42Result v42 = new FriesV42().run(in);
    UtmZone zone = UtmZone.parse("16N");
    double[] startUtm = zone.fromGeographic(start.latitudeDeg(), start.longitudeDeg());

    StringBuilder sb = new StringBuilder();
    for (double groundM : new double[] {in.lowAltitudeM(), full.groundAltitudeM()}) {
      PhysicsConfig cfg = new PhysicsConfig(full.dragModel(), full.cdScale(), full.ablation(),
          full.gravityModel(), full.earthRotation(), groundM, full.integration(),
          full.outputIntervalS(), full.legacy());
      Landing l = PhysicsModels.simulator(atmosphere, cfg).land(start, kg);
      double[] en = zone.fromGeographic(l.latitudeDeg(), l.longitudeDeg());
      double dx = en[0] - startUtm[0];
      double dy = en[1] - startUtm[1];
      double gap = Math.hypot(dx - v42.displacementEastM(), dy - v42.displacementNorthM());
      sb.append(String.format(Locale.ROOT, "ground %.0f m: modern dE %.1f dN %.1f t %.2f s; "
          + "v42 dE %.1f dN %.1f t(window) %.2f s; gap %.1f m%n", groundM, dx, dy,
          l.fallTimeS(), v42.displacementEastM(), v42.displacementNorthM(), v42.fallTimeS(),
          gap));
      assertThat(sb.toString(), dx, greaterThan(0.0));
      assertThat(sb.toString(), dy, greaterThan(0.0));
      // v.42 decelerates the horizontal motion with the horizontal relative speed only
      // (F_x = ½ρACd·v_x|v_x|) instead of the full speed (F_x = ½ρACd·v_x|v|): its horizontal
      // drag is weaker, so inside the same window it must carry the fragment farther.
      if (groundM == in.lowAltitudeM()) {
        assertThat(sb.toString(), Math.hypot(dx, dy), lessThan(Math.hypot(
            v42.displacementEastM(), v42.displacementNorthM())));
      }
      assertThat(sb.toString(), gap, greaterThan(0.0));
    }
    System.out.print("MODERN-VS-V42 " + sb);
  }
}
