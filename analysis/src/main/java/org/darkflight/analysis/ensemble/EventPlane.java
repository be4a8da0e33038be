package org.darkflight.analysis.ensemble;

import java.io.Serializable;
import org.darkflight.io.geo.LatLon;
import org.darkflight.physics.geodesy.GeodeticPoint;
import org.darkflight.physics.geodesy.LocalEnu;
import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * The local east/north plane about the event (the point below the luminous end) in which landing
 * scatter is measured and ellipses are fitted (docs/outputs.md). The conversion itself is delegated to
 * the physics core's WGS84 geodesy — {@link LocalEnu}, the east/north/up frame at the origin on
 * the ellipsoid — so that the whole pipeline uses one geodesy. Points are taken at height 0 on
 * the ellipsoid; a plane point maps back along the ellipsoid normal
 * ({@link LocalEnu#planeToGeodetic}).
 */
public final class EventPlane implements Serializable {

  private static final long serialVersionUID = 1L;

  private final double originLatitudeDeg;
  private final double originLongitudeDeg;
  private transient LocalEnu plane;

  public EventPlane(double originLatitudeDeg, double originLongitudeDeg) {
    this.originLatitudeDeg = originLatitudeDeg;
    this.originLongitudeDeg = originLongitudeDeg;
  }

  public LatLon origin() {
    return new LatLon(originLatitudeDeg, originLongitudeDeg);
  }

  private LocalEnu plane() {
    if (plane == null) {
      plane = LocalEnu.atDegrees(originLatitudeDeg, originLongitudeDeg, 0.0);
    }
    return plane;
  }

  /** (east, north) offsets of a ground point from the origin, m. */
  public double[] eastNorthM(double latitudeDeg, double longitudeDeg) {
    Vector3D enu = plane().geodeticToEnu(GeodeticPoint.ofDegrees(latitudeDeg, longitudeDeg, 0.0));
    return new double[] {enu.getX(), enu.getY()};
  }

  /** The ground point at the given plane offsets from the origin. */
  public LatLon toLatLon(double eastM, double northM) {
    GeodeticPoint p = plane().planeToGeodetic(eastM, northM);
    return new LatLon(p.latitudeDeg(), p.longitudeDeg());
  }
}
