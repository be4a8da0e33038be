package org.darkflight.analysis.radar;

/**
 * The outcome of the mass search for one return.
 *
 * @param massKg          the mass whose fall reaches the return's height at the return's time,
 *                        kg, or NaN when none in the allowed range does
 * @param observedTimeS   the return's time since the luminous end, s
 * @param lightestTimeS   when the lightest allowed mass reaches the return's height, s (NaN if it
 *                        could not be simulated)
 * @param heaviestTimeS   same for the heaviest allowed mass, s
 * @param evaluations     number of trajectories the root finder flew
 * @param reason          why no mass fits, or null when one does
 * @param massAtPlusSigmaKg  the mass fitted with the return moved up by its 1-σ height
 *                           uncertainty, kg, or NaN
 * @param massAtMinusSigmaKg the mass fitted with the return moved down by it, kg, or NaN
 */
public record MassFit(double massKg, double observedTimeS, double lightestTimeS,
    double heaviestTimeS, int evaluations, String reason, double massAtPlusSigmaKg,
    double massAtMinusSigmaKg) {

  MassFit(double massKg, double observedTimeS, double lightestTimeS, double heaviestTimeS,
      int evaluations, String reason) {
    this(massKg, observedTimeS, lightestTimeS, heaviestTimeS, evaluations, reason, Double.NaN,
        Double.NaN);
  }

  /** This fit with the masses of the ±1-σ height bounds. */
  MassFit withSigmaMasses(double plusKg, double minusKg) {
    return new MassFit(massKg, observedTimeS, lightestTimeS, heaviestTimeS, evaluations, reason,
        plusKg, minusKg);
  }

  /**
   * 1-σ uncertainty of ln(mass) from the return's height uncertainty, half the spread of the
   * ±1-σ masses; NaN when either bound could not be fitted.
   */
  public double sigmaLnMass() {
    return 0.5 * Math.abs(Math.log(massAtPlusSigmaKg) - Math.log(massAtMinusSigmaKg));
  }

  /** Whether a mass was found. */
  public boolean found() {
    return reason == null;
  }
}
