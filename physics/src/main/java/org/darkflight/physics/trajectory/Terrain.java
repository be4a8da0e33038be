package org.darkflight.physics.trajectory;

import java.io.Serializable;

/**
 * The ground surface: its height above the WGS84 ellipsoid at a point. The landing is where the
 * trajectory's height equals the surface's height under it, found inside the integration step
 * (the same event location as for flat ground, with g = h − terrain(φ, λ) instead of
 * g = h − h_ground).
 */
@FunctionalInterface
public interface Terrain extends Serializable {

  /**
   * Height of the ground above the WGS84 ellipsoid, m.
   *
   * @param latitudeDeg  geodetic latitude, degrees
   * @param longitudeDeg longitude, degrees east
   * @throws TerrainException where the surface is unknown (outside the model, no data)
   */
  double heightM(double latitudeDeg, double longitudeDeg);

  /**
   * An upper bound of {@link #heightM} anywhere, m: above it the surface is not consulted (a
   * fragment high above the terrain needs no height under it).
   */
  default double maxHeightM() {
    return Double.POSITIVE_INFINITY;
  }

  /** Where a terrain model has no height; the message names the place and the reason. */
  final class TerrainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message place and reason */
    public TerrainException(String message) {
      super(message);
    }
  }
}
