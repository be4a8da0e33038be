package org.darkflight.analysis.radar;

import org.darkflight.physics.trajectory.Landing;

/**
 * One mass of the strewn-field suite flown from the refined terminus.
 *
 * @param massKg  mass at the terminus, kg
 * @param landing where it lands, or null when the simulation failed
 * @param reason  why it failed, or null
 */
public record SuiteLanding(double massKg, Landing landing, String reason) {

  /** The decadal suite 1 g … 100 kg. */
  public static final double[] DECADAL_MASSES_KG = {0.001, 0.01, 0.1, 1.0, 10.0, 100.0};
}
