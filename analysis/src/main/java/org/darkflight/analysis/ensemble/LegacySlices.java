package org.darkflight.analysis.ensemble;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.darkflight.io.InputException;
import org.darkflight.io.atmos.fused.VerticalGridDocument;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.atmosphere.AtmosphereModel;
import org.darkflight.physics.atmosphere.GriddedAtmosphere;
import org.darkflight.physics.atmosphere.ProfileAtmosphere;

/**
 * The slices of the legacy {@code fries_v2} method: the levels of the event's
 * {@code vertical_grid.json} (written by {@code atmos} and stage S2 next to
 * {@code atmos_profile.json}, the spec's S2→S5 link) when that file lies next to the atmospheric
 * profile, else the profile's own levels (and the method's description says so).
 */
public final class LegacySlices {

  private LegacySlices() {}

  /**
   * {@code vertical_grid.json} next to the profile, or null when there is none. In the project
   * layout of {@code darkflight process} the profile is {@code <id>__atmos_profile__v1.json} and
   * its grid {@code <id>__vertical_grid__v1.json} (both written by stage S2).
   */
  public static Path gridNextTo(Path atmosFile) {
    Path dir = atmosFile.toAbsolutePath().getParent();
    if (dir == null) {
      return null;
    }
    String name = String.valueOf(atmosFile.getFileName());
    if (name.contains(LAYOUT_PROFILE)) {
      Path layoutGrid = dir.resolve(name.replace(LAYOUT_PROFILE, LAYOUT_GRID));
      if (Files.isRegularFile(layoutGrid)) {
        return layoutGrid;
      }
    }
    Path grid = dir.resolve(VerticalGridDocument.FILE);
    return Files.isRegularFile(grid) ? grid : null;
  }

  /** The artifact names of the profile and its grid in the project layout. */
  private static final String LAYOUT_PROFILE = "__atmos_profile__";
  private static final String LAYOUT_GRID = "__vertical_grid__";

  /**
   * The level heights of a {@code vertical_grid.json} (its {@code altitudes_m}), validated
   * against its schema.
   *
   * @throws InputException naming the file, field and reason when it is not a valid grid
   */
  public static double[] read(Path gridFile) throws InputException {
    JsonNode doc = JsonSchemas.readValidated(gridFile, VerticalGridDocument.SCHEMA);
    JsonNode alts = doc.get("altitudes_m");
    double[] out = new double[alts.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = alts.get(i).asDouble();
      if (i > 0 && !(out[i] > out[i - 1])) {
        throw new InputException(gridFile, "/altitudes_m/" + i,
            "altitudes must increase strictly: " + out[i] + " m follows " + out[i - 1] + " m");
      }
    }
    if (out.length < 2) {
      throw new InputException(gridFile, "/altitudes_m", "a vertical grid needs two levels");
    }
    return out;
  }

  /**
   * The atmosphere a run uses: for {@code fries_v2} with a {@code vertical_grid.json} next to
   * {@code atmosFile}, {@code base} sliced at the grid's levels; else {@code base}.
   */
  public static AtmosphereFactory factory(PhysicsConfig config, Path atmosFile)
      throws InputException {
    if (config.legacy() != PhysicsConfig.LegacyMode.FRIES_V2) {
      return ProfileAtmosphere::new;
    }
    Path grid = gridNextTo(atmosFile);
    if (grid == null) {
      String name = String.valueOf(atmosFile.getFileName());
      return levels -> {
        ProfileAtmosphere p = new ProfileAtmosphere(levels);
        return new GriddedAtmosphere(p, p.levelAltitudesM(), "the " + levels.size()
            + " levels of " + name + " (no vertical_grid.json next to it)");
      };
    }
    double[] altitudes = read(grid);
    String source = "the " + altitudes.length + " levels of " + grid.getFileName()
        + " next to " + atmosFile.getFileName();
    return levels -> new GriddedAtmosphere(new ProfileAtmosphere(levels), altitudes, source);
  }

  /** {@code base} with the slices {@link #factory} gives for these inputs. */
  public static AtmosphereModel atmosphere(PhysicsConfig config, Path atmosFile,
      java.util.List<org.darkflight.physics.atmosphere.AtmosLevel> levels) throws InputException {
    return factory(config, atmosFile).build(levels);
  }
}
