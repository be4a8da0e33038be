package org.darkflight.io.kml;

/**
 * An image draped on the ground, for the optional "Heatmap" folder (docs/outputs.md: ground probability
 * raster overlay). The image itself is supplied to the KMZ as a media entry under {@code href}.
 *
 * @param name       overlay name shown in Google Earth
 * @param href       image path relative to the document, e.g. {@code media/heatmap.png}
 * @param northDeg   latitude of the north edge, degrees
 * @param southDeg   latitude of the south edge, degrees (&lt; northDeg)
 * @param eastDeg    longitude of the east edge, degrees [-180, 180]
 * @param westDeg    longitude of the west edge, degrees [-180, 180]
 * @param opacity    opacity of the image, [0, 1]
 */
public record KmlGroundOverlay(String name, String href, double northDeg, double southDeg,
    double eastDeg, double westDeg, double opacity) {

  public KmlGroundOverlay {
    if (name == null || name.isEmpty() || href == null || href.isEmpty()) {
      throw new IllegalArgumentException("ground overlay name and href must be non-empty");
    }
    if (!(southDeg >= -90 && southDeg < northDeg && northDeg <= 90)) {
      throw new IllegalArgumentException("ground overlay needs -90 <= south < north <= 90, got south "
          + southDeg + ", north " + northDeg);
    }
    if (!(eastDeg >= -180 && eastDeg <= 180 && westDeg >= -180 && westDeg <= 180)) {
      throw new IllegalArgumentException("ground overlay east/west must be in [-180, 180]");
    }
    if (!(opacity >= 0 && opacity <= 1)) {
      throw new IllegalArgumentException("ground overlay opacity must be in [0, 1], got " + opacity);
    }
  }
}
