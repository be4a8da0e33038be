package org.darkflight.physics.trajectory;

import java.time.Instant;
import org.darkflight.physics.geodesy.GeodeticPoint;
import org.darkflight.physics.geodesy.LocalEnu;
import org.darkflight.physics.geodesy.Wgs84;
import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * The state of a fragment at one instant, in the Earth-centred Earth-fixed (ECEF) WGS84 frame.
 *
 * @param epochUtc         UTC time of t = 0 (the luminous end)
 * @param timeS            time since the epoch, s (negative before it)
 * @param positionEcefM    ECEF position, m
 * @param velocityEcefMps  velocity relative to the rotating Earth, in ECEF axes, m/s
 * @param massKg           mass, kg (&gt; 0), or NaN for "the fragment's own mass" (see
 *                         {@link DarkflightSimulator#initialState(org.darkflight.physics.LuminousEnd)})
 */
public record FlightState(Instant epochUtc, double timeS, Vector3D positionEcefM,
    Vector3D velocityEcefMps, double massKg) {

  public FlightState {
    if (epochUtc == null || positionEcefM == null || velocityEcefMps == null) {
      throw new IllegalArgumentException("flight state fields must not be null");
    }
    if (!Double.isFinite(timeS) || !isFinite(positionEcefM) || !isFinite(velocityEcefMps)) {
      throw new IllegalArgumentException("flight state must be finite");
    }
    if (!Double.isNaN(massKg) && !(massKg > 0 && Double.isFinite(massKg))) {
      throw new IllegalArgumentException("mass must be > 0 kg or NaN, got " + massKg);
    }
  }

  private static boolean isFinite(Vector3D v) {
    return Double.isFinite(v.getX()) && Double.isFinite(v.getY()) && Double.isFinite(v.getZ());
  }

  /** UTC time of this state (nanosecond resolution). */
  public Instant timeUtc() {
    return epochUtc.plusNanos(Math.round(timeS * 1e9));
  }

  /** Geodetic position. */
  public GeodeticPoint geodetic() {
    return Wgs84.toGeodetic(positionEcefM);
  }

  /** Height above the WGS84 ellipsoid, m. */
  public double heightM() {
    return geodetic().heightM();
  }

  /** Velocity components (east, north, up) in the local frame at the current position, m/s. */
  public Vector3D velocityEnuMps() {
    return new LocalEnu(geodetic()).vectorToEnu(velocityEcefMps);
  }

  /** This state with another mass, kg. */
  public FlightState withMassKg(double newMassKg) {
    return new FlightState(epochUtc, timeS, positionEcefM, velocityEcefMps, newMassKg);
  }
}
