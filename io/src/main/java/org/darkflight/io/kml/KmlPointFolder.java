package org.darkflight.io.kml;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An extra KML folder of labelled points that a workflow adds to the strewn-field document
 * (e.g. the radar workflow's "Radar Returns" and "Calculated Termini"). Drawn after the standard
 * folders, each folder with its own icon colour.
 *
 * @param name      folder name
 * @param colourKml icon colour as KML {@code aabbggrr} hex
 * @param points    the placemarks, in order
 */
public record KmlPointFolder(String name, String colourKml, List<Point> points) {

  public KmlPointFolder {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("folder name must not be blank");
    }
    if (colourKml == null || !colourKml.matches("[0-9a-fA-F]{8}")) {
      throw new IllegalArgumentException("colour must be 8 hex digits aabbggrr, got "
          + colourKml);
    }
    points = List.copyOf(points);
  }

  /**
   * One placemark.
   *
   * @param name         label
   * @param latitudeDeg  latitude, degrees
   * @param longitudeDeg longitude, degrees
   * @param heightM      height, m, in the run's frame ({@link
   *                     org.darkflight.io.geo.RunInfo#heightsAboveEllipsoid}; drawn absolute,
   *                     above mean sea level, and extruded), or NaN for a point on the ground
   * @param timeUtc      time stamp, or null
   * @param data         extended data (name → value), written sorted by name
   */
  public record Point(String name, double latitudeDeg, double longitudeDeg, double heightM,
      Instant timeUtc, Map<String, String> data) {
    public Point {
      Objects.requireNonNull(name, "name");
      if (!Double.isFinite(latitudeDeg) || Math.abs(latitudeDeg) > 90
          || !Double.isFinite(longitudeDeg)) {
        throw new IllegalArgumentException("point position must be finite, latitude in ±90");
      }
      data = Collections.unmodifiableMap(new TreeMap<>(data));
    }
  }
}
