package org.darkflight.analysis.radar;

import org.darkflight.io.radar.returns.GeolocatedReturn;
import org.darkflight.physics.geodesy.GeodeticPoint;
import org.darkflight.physics.trajectory.FlightState;
import org.darkflight.physics.trajectory.Landing;

/**
 * Everything the workflow derives from one radar return.
 *
 * @param radarReturn        the geolocated return
 * @param massFit            the mass search
 * @param failure            why the return could not be solved although a mass fits, or null
 * @param stateAtReturn      the start state at the radar position (found mass, simulated
 *                           velocity, the return's time), or null when unsolved
 * @param predictedImpact    forward flight from the return to the ground, or null
 * @param terminus           the calculated terminus, or null
 * @param terminusMethod     how the terminus was calculated, or null
 * @param terminusTimeS      time since the luminous end at which the backward flight reaches the
 *                           terminus altitude, s (≈0 for a consistent return; 0 by construction
 *                           for {@link TerminusMethod#FORWARD_SHOOTING}), or NaN
 * @param backwardGapM       horizontal distance between the backward-flight terminus and the
 *                           forward-shooting terminus, m, or NaN when the backward flight failed
 * @param terminusEastM      east offset of the calculated terminus from the event's, m, or NaN
 * @param terminusNorthM     north offset of the calculated terminus from the event's, m, or NaN
 * @param terminusCovEnM2    2×2 east/north covariance of the calculated terminus propagated from
 *                           the return's position uncertainty, m², or null
 */
public record ReturnSolution(
    GeolocatedReturn radarReturn,
    MassFit massFit,
    String failure,
    FlightState stateAtReturn,
    Landing predictedImpact,
    GeodeticPoint terminus,
    TerminusMethod terminusMethod,
    double terminusTimeS,
    double backwardGapM,
    double terminusEastM,
    double terminusNorthM,
    double[][] terminusCovEnM2) {

  /** How a calculated terminus was obtained. */
  public enum TerminusMethod {
    /** Integrated backward in time from the return to the terminus altitude. */
    BACKWARD,
    /**
     * The backward flight was ill-conditioned (drag makes it amplify errors exponentially once
     * the fragment is near terminal velocity); the terminus is the start whose forward flight
     * passes through the return at the return's time.
     */
    FORWARD_SHOOTING
  }

  /** An unsolved return. */
  static ReturnSolution unsolved(GeolocatedReturn r, MassFit fit, String failure) {
    return new ReturnSolution(r, fit, failure, null, null, null, null, Double.NaN, Double.NaN,
        Double.NaN, Double.NaN, null);
  }

  /** Whether the return was solved (a mass fits and a terminus was found). */
  public boolean solved() {
    return massFit.found() && failure == null;
  }

  /** Why the return is unsolved, or null. */
  public String reason() {
    return massFit.found() ? failure : massFit.reason();
  }

  /** The return's id. */
  public String id() {
    return radarReturn.radarReturn().id();
  }
}
