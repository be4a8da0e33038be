package org.darkflight.io.workbook;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.opengis.referencing.crs.ProjectedCRS;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.util.FactoryException;
import org.opengis.referencing.operation.TransformException;

/**
 * A UTM zone on WGS84, and conversion of its easting/northing to geodetic latitude/longitude with
 * Apache SIS ({@code CommonCRS.WGS84.universal}, which needs no EPSG database).
 *
 * @param zone  zone number 1–60
 * @param north true for the northern hemisphere
 */
public record UtmZone(int zone, boolean north) {

  private static final Pattern SPEC = Pattern.compile("(\\d{1,2})\\s*([NS]?)");

  public UtmZone {
    if (zone < 1 || zone > 60) {
      throw new IllegalArgumentException("UTM zone must be 1..60, got " + zone);
    }
  }

  /** Parses {@code 16N}, {@code 16 S} or {@code 16} (north). */
  public static UtmZone parse(String spec) {
    Matcher m = SPEC.matcher(spec.trim().toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("UTM zone must look like 16N or 33S, got '" + spec + "'");
    }
    return new UtmZone(Integer.parseInt(m.group(1)), !"S".equals(m.group(2)));
  }

  /** The standard zone of a point (no Norway/Svalbard exceptions). */
  public static UtmZone containing(double latitudeDeg, double longitudeDeg) {
    double lon = ((longitudeDeg + 180) % 360 + 360) % 360 - 180;
    int zone = (int) Math.floor((lon + 180) / 6) + 1;
    return new UtmZone(Math.min(zone, 60), latitudeDeg >= 0);
  }

  /** Central meridian, degrees. */
  public double centralMeridianDeg() {
    return zone * 6.0 - 183.0;
  }

  @Override
  public String toString() {
    return zone + (north ? "N" : "S");
  }

  /** The projected CRS of the zone. */
  public ProjectedCRS crs() {
    // universal() picks the zone from a point; a latitude of ±10° avoids the Norway and
    // Svalbard exceptions.
    return CommonCRS.WGS84.universal(north ? 10 : -10, centralMeridianDeg());
  }

  /**
   * Converts easting/northing to {latitude, longitude} in degrees, WGS84.
   *
   * @throws IllegalStateException when SIS cannot build or apply the conversion
   */
  public double[] toGeographic(double eastingM, double northingM) {
    try {
      MathTransform mt = CRS.findOperation(crs(), CommonCRS.WGS84.geographic(), null)
          .getMathTransform();
      double[] pt = {eastingM, northingM};
      mt.transform(pt, 0, pt, 0, 1);
      return pt;
    } catch (FactoryException | TransformException e) {
      throw new IllegalStateException("UTM " + this + " to WGS84 failed: " + e.getMessage(), e);
    }
  }

  /** Converts {latitude, longitude} (degrees, WGS84) to {easting, northing} in this zone. */
  public double[] fromGeographic(double latitudeDeg, double longitudeDeg) {
    try {
      MathTransform mt = CRS.findOperation(CommonCRS.WGS84.geographic(), crs(), null)
          .getMathTransform();
      double[] pt = {latitudeDeg, longitudeDeg};
      mt.transform(pt, 0, pt, 0, 1);
      return pt;
    } catch (FactoryException | TransformException e) {
      throw new IllegalStateException("WGS84 to UTM " + this + " failed: " + e.getMessage(), e);
    }
  }
}
