package org.darkflight.transforms.fit;

import java.io.Serializable;
import org.darkflight.io.geo.LatLon;
import org.darkflight.io.geo.LocalTangentPlane;

/**
 * The local east/north plane about the event (the point below the luminous end) in which landing
 * scatter is measured and ellipses are fitted (spec §7.4). The conversion itself is delegated to
 * one geodesy helper — {@link LocalTangentPlane} of the io module — so that switching to another
 * ENU implementation is a change in this class only.
 */
public final class EventPlane implements Serializable {

  private static final long serialVersionUID = 1L;

  private final double originLatitudeDeg;
  private final double originLongitudeDeg;
  private transient LocalTangentPlane plane;

  public EventPlane(double originLatitudeDeg, double originLongitudeDeg) {
    this.originLatitudeDeg = originLatitudeDeg;
    this.originLongitudeDeg = originLongitudeDeg;
  }

  public LatLon origin() {
    return new LatLon(originLatitudeDeg, originLongitudeDeg);
  }

  private LocalTangentPlane plane() {
    if (plane == null) {
      plane = new LocalTangentPlane(origin());
    }
    return plane;
  }

  /** East offset of a point from the origin, m. */
  public double eastM(double latitudeDeg, double longitudeDeg) {
    return plane().eastM(new LatLon(latitudeDeg, longitudeDeg));
  }

  /** North offset of a point from the origin, m. */
  public double northM(double latitudeDeg, double longitudeDeg) {
    return plane().northM(new LatLon(latitudeDeg, longitudeDeg));
  }

  /** The point at the given offsets from the origin. */
  public LatLon toLatLon(double eastM, double northM) {
    return plane().toLatLon(eastM, northM);
  }
}
