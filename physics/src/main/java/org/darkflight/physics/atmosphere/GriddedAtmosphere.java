package org.darkflight.physics.atmosphere;

import java.util.Arrays;

/**
 * An atmosphere with another set of level heights: the air is exactly that of {@code base}, but
 * {@link #levelAltitudesM()} is the given grid (e.g. the slices of the event's
 * {@code vertical_grid.json}, written by {@code atmos} / stage S2), so the legacy {@code fries_v2}
 * method slices there.
 */
public final class GriddedAtmosphere implements AtmosphereModel {

  private final AtmosphereModel base;
  private final double[] gridM;
  private final String source;

  /**
   * @param base   the air
   * @param gridM  the level heights, m (sorted here; at least two, finite, distinct)
   * @param source where the grid comes from, in words (e.g. {@code "vertical_grid.json (41
   *               levels)"})
   */
  public GriddedAtmosphere(AtmosphereModel base, double[] gridM, String source) {
    if (base == null || gridM == null || source == null) {
      throw new IllegalArgumentException("base, grid and source must not be null");
    }
    double[] g = gridM.clone();
    Arrays.sort(g);
    if (g.length < 2) {
      throw new IllegalArgumentException("a vertical grid needs at least two levels");
    }
    for (int i = 0; i < g.length; i++) {
      if (!Double.isFinite(g[i]) || (i > 0 && !(g[i] > g[i - 1]))) {
        throw new IllegalArgumentException("vertical grid heights must be finite and distinct, got "
            + g[i] + " m");
      }
    }
    this.base = base;
    this.gridM = g;
    this.source = source;
  }

  @Override
  public AtmosphereState at(double altitudeM) {
    return base.at(altitudeM);
  }

  @Override
  public AtmosphereModel forTrajectory() {
    return base.forTrajectory();
  }

  @Override
  public double[] levelAltitudesM() {
    return gridM.clone();
  }

  @Override
  public String levelSource() {
    return source;
  }
}
