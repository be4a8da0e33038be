package org.darkflight.io.dem;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.darkflight.io.InputException;
import org.darkflight.io.geoid.Egm96;
import org.darkflight.io.geoid.HeightReference;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.atmosphere.StandardAtmosphere1976;
import org.darkflight.physics.geodesy.Geodesics;
import org.darkflight.physics.models.PhysicsModels;
import org.darkflight.physics.trajectory.DarkflightSimulator;
import org.darkflight.physics.trajectory.Landing;
import org.darkflight.physics.trajectory.SimulationException;
import org.junit.jupiter.api.Test;

/**
 * GeoTIFF DEMs read with Apache SIS and landings on them. The DEMs are synthetic planes written by
 * testdata/dem/make_dems.py (GDAL): slope_cross h = 1000 + 10000 (φ − 40) m, slope_along
 * h = 1000 + 5000 (λ + 99.8) m, on 0.005° cells; bilinear interpolation reproduces a plane that
 * is linear in degrees exactly.
 *
 * <p>Closed forms: (1) a fragment falling eastward in still air stays on its vertical plane, so on
 * a plane sloping across the fall line (north-south) the terrain under the whole track has the
 * height of the plane at the track's latitude: the landing equals the flat-ground landing at
 * that height, and its height is the plane's. (2) a vertical fall in still air lands under its
 * start, at the plane's height there.
 */
class DemTerrainTest {

  static Path dem(String name) {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path c = p.resolve("testdata/dem").resolve(name);
      if (Files.exists(c)) {
        return c;
      }
    }
    throw new IllegalStateException("testdata/dem/" + name);
  }

  static final Fragment STONE = new Fragment("f", 1.0, 3300, 1.0, Fragment.SPHERE_SHAPE_FACTOR);

  static DarkflightSimulator simulator(double groundM) {
    PhysicsConfig d = PhysicsConfig.defaults();
    PhysicsConfig c = new PhysicsConfig(d.dragModel(), d.cdScale(), d.ablation(),
        d.gravityModel(), false, groundM, d.integration(), d.outputIntervalS(), d.legacy());
    return PhysicsModels.simulator(StandardAtmosphere1976.INSTANCE, c);
  }

  static LuminousEnd start(double elevationDeg) {
    return new LuminousEnd(Instant.parse("2020-01-01T00:00:00Z"), 40.0, -100.0, 20_000, 3000,
        90, elevationDeg);
  }

  @Test
  void readsThePlaneExactly() throws Exception {
    DemTerrain t = DemReader.read(dem("slope_cross.tif"), HeightReference.ELLIPSOID);
    assertThat(t.heightM(40.0, -100.0), closeTo(1000, 1e-3));
    assertThat(t.heightM(40.0123, -99.8321), closeTo(1000 + 10000 * 0.0123, 1e-3));
    assertThat(t.heightM(39.95, -99.7), closeTo(500, 1e-3));
    DemTerrain along = DemReader.read(dem("slope_along.tif"), HeightReference.ELLIPSOID);
    assertThat(along.heightM(40.03, -99.7531), closeTo(1000 + 5000 * 0.0469, 1e-3));
    // heights above mean sea level become ellipsoidal with EGM96
    DemTerrain msl = DemReader.read(dem("slope_cross.tif"), HeightReference.MSL);
    assertThat(msl.heightM(40.0, -100.0), closeTo(1000 + Egm96.undulationM(40, -100), 1e-3));
  }

  @Test
  void landsOnAPlaneAcrossTheFallLineAsOnFlatGroundAtItsHeight() throws Exception {
    DemTerrain t = DemReader.read(dem("slope_cross.tif"), HeightReference.ELLIPSOID);
    Landing onDem = simulator(0).withTerrain(t).land(start(45), STONE);
    // closed form: the plane's height at the track latitude (40.0) is 1000 m
    Landing flat = simulator(1000).land(start(45), STONE);
    double miss = Geodesics.inverse(onDem.latitudeDeg(), onDem.longitudeDeg(),
        flat.latitudeDeg(), flat.longitudeDeg()).distanceM();
    assertThat(miss, closeTo(0, 1.0));
    assertThat(onDem.heightM(), closeTo(1000 + 10000 * (onDem.latitudeDeg() - 40), 0.01));
    assertThat(onDem.heightM(), closeTo(1000, 2.0));
    assertThat(onDem.driftDistanceM() > 1000, is(true));
  }

  @Test
  void aVerticalFallLandsUnderItsStartAtThePlanesHeight() throws Exception {
    DemTerrain t = DemReader.read(dem("slope_along.tif"), HeightReference.ELLIPSOID);
    LuminousEnd down = new LuminousEnd(Instant.parse("2020-01-01T00:00:00Z"), 40.01, -99.75,
        20_000, 500, 0, 90);
    Landing l = simulator(0).withTerrain(t).land(down, STONE);
    assertThat(l.latitudeDeg(), closeTo(40.01, 1e-5));
    assertThat(l.longitudeDeg(), closeTo(-99.75, 1e-5));
    assertThat(l.heightM(), closeTo(1000 + 5000 * 0.05, 0.01));
  }

  @Test
  void refusesADemInAProjectedCrs() {
    Path f = dem("slope_cross_utm.tif");
    InputException e = assertThrows(InputException.class,
        () -> DemReader.read(f, HeightReference.MSL));
    assertThat(e.getMessage(), containsString(f.toString()));
    assertThat(e.getMessage(), containsString("darkflight reads DEMs on geographic WGS84"));
    assertThat(e.getMessage(), containsString("UTM"));
  }

  @Test
  void aDemThatDoesNotCoverTheFallIsNamed() throws Exception {
    DemTerrain far = DemReader.read(dem("far_away.tif"), HeightReference.MSL);
    SimulationException e = assertThrows(SimulationException.class,
        () -> simulator(0).withTerrain(far).land(start(45), STONE));
    assertThat(e.reason(), is(SimulationException.Reason.NO_TERRAIN));
    assertThat(e.getMessage(), containsString("lies outside the DEM far_away.tif (cell centres "
        + "9.900000..10.100000 N"));
  }

  @Test
  void noDataUnderTheLandingIsNamed() throws Exception {
    DemTerrain holey = DemReader.read(dem("slope_cross_nodata.tif"), HeightReference.MSL);
    SimulationException e = assertThrows(SimulationException.class,
        () -> simulator(0).withTerrain(holey).land(start(45), STONE));
    assertThat(e.reason(), is(SimulationException.Reason.NO_TERRAIN));
    assertThat(e.getMessage(), containsString("the DEM slope_cross_nodata.tif has NoData at"));
  }

  @Test
  void refusesFilesThatAreNotGeoTiffs() throws Exception {
    Path json = Files.createTempFile("not-a-dem", ".tif");
    Files.writeString(json, "{}");
    InputException e = assertThrows(InputException.class,
        () -> DemReader.read(json, HeightReference.MSL));
    assertThat(e.getMessage(), containsString(json.toString()));
    Files.delete(json);
  }

  @Test
  void aFarLongitudeIsOutsideTheDemWithoutLooping() {
    DemTerrain t = new DemTerrain("tiny", 2, 2, -100.0, 0.1, 40.0, -0.1,
        new float[] {1, 2, 3, 4}, HeightReference.ELLIPSOID);
    // 1e274 - 360 == 1e274: the old loop never ended; the point is simply off the grid
    RuntimeException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(5),
        () -> assertThrows(RuntimeException.class, () -> t.storedHeightM(40.0, 1.1e274)));
    assertThat(e.getMessage(), containsString("lies outside the DEM tiny"));
    assertThat(t.storedHeightM(40.0, -100.0 + 720.0), closeTo(1.0, 1e-6));
  }
}
