package org.darkflight.pipeline.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.darkflight.analysis.ensemble.RunInputs;
import org.darkflight.io.InputException;
import org.darkflight.io.dem.DemReader;
import org.darkflight.io.dem.DemTerrain;
import org.darkflight.io.geoid.HeightReference;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.atmosphere.ProfileAtmosphere;
import org.darkflight.physics.models.PhysicsModels;
import org.darkflight.physics.trajectory.DarkflightSimulator;
import org.darkflight.physics.trajectory.SimulationException;
import picocli.CommandLine.Option;

/**
 * {@code --dem FILE.tif} and {@code --dem-height-reference}: land on a GeoTIFF terrain model
 * instead of the constant ground of the physics configuration ({@link DemReader}). Before
 * anything runs, the nominal fall of the fragments is flown onto the DEM; a nominal landing
 * outside it or on NoData is refused as bad input naming the DEM.
 */
public final class DemOption {

  /** Nominal falls checked before a run. */
  static final int PREFLIGHT_FRAGMENTS = 20;

  @Option(names = "--dem", paramLabel = "FILE.tif",
      description = "GeoTIFF terrain model (geographic WGS84, one band of heights in m); the "
          + "landing is where the trajectory meets it (default: none, the ground is the "
          + "constant ground_altitude_m of the physics config).")
  Path dem;

  @Option(names = "--dem-height-reference", paramLabel = "msl|ellipsoid", defaultValue = "msl",
      description = "What the DEM's heights are measured from (default: ${DEFAULT-VALUE}; SRTM, "
          + "Copernicus and NED heights are above mean sea level).")
  String reference;

  /** Whether a DEM was given. */
  boolean given() {
    return dem != null;
  }

  /** Reads the DEM, or null when none was given. */
  DemTerrain read() throws InputException {
    if (dem == null) {
      return null;
    }
    HeightReference ref = HeightReference.parse(reference, "(command line)",
        "--dem-height-reference");
    return DemReader.read(dem, ref);
  }

  /**
   * Reads the DEM for a run with {@code physics}, or null when none was given. The legacy
   * methods land on the constant ground only, so a DEM with a legacy mode is refused.
   *
   * @param configFile the physics configuration file, named in the refusal
   */
  DemTerrain read(PhysicsConfig physics, Path configFile) throws InputException {
    if (dem != null && physics.legacy() != PhysicsConfig.LegacyMode.NONE) {
      throw new InputException(configFile, "/legacy", "legacy mode "
          + physics.legacy().name().toLowerCase(Locale.ROOT) + " lands on the constant ground "
          + "only; --dem " + dem + " needs \"legacy\": \"none\"");
    }
    return read();
  }

  /** The inputs landing on the DEM (unchanged without one), after the nominal-fall check. */
  RunInputs apply(RunInputs in) throws InputException {
    DemTerrain t = read(in.physics(), in.files().get("config"));
    if (t == null) {
      return in;
    }
    DarkflightSimulator sim = PhysicsModels.simulator(new ProfileAtmosphere(in.levels()),
        in.physics()).withTerrain(t);
    check(sim, in.event().luminousEnd(), in.fragments());
    return in.withTerrain(t, t.describe());
  }

  /** Flies up to {@link #PREFLIGHT_FRAGMENTS} fragments nominally onto the DEM. */
  void check(DarkflightSimulator sim, LuminousEnd start, List<Fragment> fragments)
      throws InputException {
    int n = fragments.size();
    int count = Math.min(n, PREFLIGHT_FRAGMENTS);
    for (int k = 0; k < count; k++) {
      Fragment f = fragments.get((int) ((long) k * n / count));
      try {
        sim.land(start, f);
      } catch (SimulationException e) {
        if (e.reason() == SimulationException.Reason.NO_TERRAIN) {
          throw new InputException(dem, "", String.format(Locale.ROOT, "the nominal fall of "
              + "fragment %s finds no ground: %s; the DEM must cover the strewn field with "
              + "data", f.id(), e.getMessage()));
        }
      } catch (IllegalArgumentException e) {
        throw new InputException(dem, "", "fragment " + f.id() + ": " + e.getMessage());
      }
    }
  }
}
