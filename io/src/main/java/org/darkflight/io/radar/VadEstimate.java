package org.darkflight.io.radar;

/**
 * The wind a VAD fit finds at one height.
 *
 * @param altitudeM     beam-centre height above mean sea level, m
 * @param windUMps      eastward wind, m/s
 * @param windVMps      northward wind, m/s
 * @param windWMps      vertical wind assuming zero horizontal divergence, m/s (see {@link VadFit})
 * @param sigmaUMps     1-σ standard error of u from the fit, m/s
 * @param sigmaVMps     1-σ standard error of v, m/s
 * @param sigmaWMps     1-σ standard error of w, m/s
 * @param rmsResidualMps root-mean-square residual of the sinusoid fit, m/s
 * @param points        number of radial velocities used
 */
public record VadEstimate(double altitudeM, double windUMps, double windVMps, double windWMps,
    double sigmaUMps, double sigmaVMps, double sigmaWMps, double rmsResidualMps, int points) {}
