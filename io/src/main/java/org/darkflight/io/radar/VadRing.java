package org.darkflight.io.radar;

/**
 * The radial velocities of one range gate around one elevation sweep: the input of a VAD fit.
 *
 * @param elevationDeg  antenna elevation, degrees above the horizon (0 &lt; θ &lt; 90)
 * @param rangeM        slant range of the gate, m
 * @param azimuthsDeg   azimuths, degrees clockwise from true north
 * @param radialMps     Doppler radial velocity at each azimuth, m/s, positive away from the radar;
 *                      NaN for a gate without a valid velocity (removed before fitting)
 */
public record VadRing(double elevationDeg, double rangeM, double[] azimuthsDeg,
    double[] radialMps) {

  public VadRing {
    if (!(elevationDeg > 0 && elevationDeg < 90)) {
      throw new IllegalArgumentException("elevation must be in (0, 90) degrees: " + elevationDeg);
    }
    if (!(rangeM > 0) || !Double.isFinite(rangeM)) {
      throw new IllegalArgumentException("range must be > 0 m: " + rangeM);
    }
    if (azimuthsDeg.length != radialMps.length) {
      throw new IllegalArgumentException("azimuths and radial velocities differ in length: "
          + azimuthsDeg.length + " vs " + radialMps.length);
    }
    azimuthsDeg = azimuthsDeg.clone();
    radialMps = radialMps.clone();
  }
}
