package org.darkflight.physics.trajectory;

import static org.darkflight.physics.TestFixtures.luminousEnd;
import static org.darkflight.physics.TestFixtures.stone;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.atmosphere.GriddedAtmosphere;
import org.darkflight.physics.atmosphere.StandardAtmosphere1976;
import org.darkflight.physics.models.PhysicsModels;
import org.junit.jupiter.api.Test;

/**
 * Landings on a terrain surface inside the physics core: the stop surface is the terrain under
 * the fragment, found inside the step as the flat ground is (the DEM reader and the closed-form
 * sloping-plane test through the CLI are in io and pipeline).
 */
class TerrainLandingTest {

  private static final LuminousEnd START = luminousEnd(20_000, 3_000, 90, 45);
  private static final DarkflightSimulator FLAT =
      PhysicsModels.simulator(StandardAtmosphere1976.INSTANCE, PhysicsConfig.defaults());

  /** A plane rising eastwards by {@code slope} m per degree of longitude from 0 m at 10°E. */
  private static Terrain plane(double slopePerDeg, double maxM) {
    return new Terrain() {
      private static final long serialVersionUID = 1L;

      @Override
      public double heightM(double latitudeDeg, double longitudeDeg) {
        return slopePerDeg * (longitudeDeg - 10.0);
      }

      @Override
      public double maxHeightM() {
        return maxM;
      }
    };
  }

  @Test
  void terrainAtTheFlatGroundHeightLandsWhereTheFlatGroundDoes() {
    Landing flat = FLAT.land(START, stone(1));
    Landing onTerrain = FLAT.withTerrain(plane(0.0, 0.0)).land(START, stone(1));
    assertThat(onTerrain.latitudeDeg(), closeTo(flat.latitudeDeg(), 1e-9));
    assertThat(onTerrain.longitudeDeg(), closeTo(flat.longitudeDeg(), 1e-9));
    assertThat(onTerrain.fallTimeS(), closeTo(flat.fallTimeS(), 1e-6));
    assertThat(FLAT.terrain(), nullValue());
  }

  @Test
  void aSlopingSurfaceStopsTheFallOnTheSurfaceUnderTheFragment() {
    // flying east onto ground that rises eastwards: it lands earlier, on the plane
    Terrain rising = plane(20_000.0, 5_000.0);
    DarkflightSimulator sim = FLAT.withTerrain(rising);
    assertThat(sim.terrain(), sameInstance(rising));
    Landing flat = FLAT.land(START, stone(1));
    Landing l = sim.land(START, stone(1));
    double ground = rising.heightM(l.latitudeDeg(), l.longitudeDeg());
    assertThat("the landing height is the plane's there", l.heightM(), closeTo(ground, 0.05));
    assertThat(ground > 100.0, is(true));
    assertThat(l.fallTimeS(), lessThan(flat.fallTimeS()));
    assertThat(l.longitudeDeg(), lessThan(flat.longitudeDeg()));
  }

  @Test
  void noHeightUnderTheFragmentIsANamedFailure() {
    Terrain unknown = new Terrain() {
      private static final long serialVersionUID = 1L;

      @Override
      public double heightM(double latitudeDeg, double longitudeDeg) {
        throw new TerrainException("no DEM data at " + latitudeDeg + ", " + longitudeDeg);
      }

      @Override
      public double maxHeightM() {
        return 1_000.0;
      }
    };
    SimulationException e = assertThrows(SimulationException.class,
        () -> FLAT.withTerrain(unknown).land(START, stone(1)));
    assertThat(e.reason(), is(SimulationException.Reason.NO_TERRAIN));
    assertThat(e.getMessage(), containsString("no DEM data"));
  }

  @Test
  void aGriddedAtmosphereIsItsBaseAirWithSortedLevels() {
    GriddedAtmosphere g = new GriddedAtmosphere(StandardAtmosphere1976.INSTANCE,
        new double[] {5_000, 0, 10_000}, "vertical_grid.json (3 levels)");
    assertThat(g.levelAltitudesM()[0], is(0.0));
    assertThat(g.levelAltitudesM()[2], is(10_000.0));
    assertThat(g.levelSource(), is("vertical_grid.json (3 levels)"));
    assertThat(g.at(3_000).densityKgM3(),
        is(StandardAtmosphere1976.INSTANCE.at(3_000).densityKgM3()));
    assertThat(g.forTrajectory().at(3_000).densityKgM3(),
        is(StandardAtmosphere1976.INSTANCE.at(3_000).densityKgM3()));
    assertThrows(IllegalArgumentException.class,
        () -> new GriddedAtmosphere(StandardAtmosphere1976.INSTANCE, new double[] {1}, "x"));
    assertThrows(IllegalArgumentException.class, () -> new GriddedAtmosphere(
        StandardAtmosphere1976.INSTANCE, new double[] {0, 0}, "x"));
    assertThrows(IllegalArgumentException.class, () -> new GriddedAtmosphere(
        StandardAtmosphere1976.INSTANCE, new double[] {0, Double.NaN}, "x"));
    assertThrows(IllegalArgumentException.class,
        () -> new GriddedAtmosphere(null, new double[] {0, 1}, "x"));
  }
}
