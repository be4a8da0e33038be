package org.darkflight.analysis.ensemble;

import java.io.Serializable;

/**
 * How fragments are derived from the event when no {@code fragments.json} is given (spec S4):
 * a decadal mass suite, as legacy workflows use (1 g, 10 g, …, 10 kg), or a power-law mass
 * distribution of a given total mass.
 *
 * @param kind           decadal or power law
 * @param minMassKg      smallest fragment mass, kg (&gt; 0)
 * @param maxMassKg      largest fragment mass, kg (&gt;= minMassKg)
 * @param totalMassKg    total mass to distribute, kg; NaN for a decadal suite without a total
 * @param count          number of fragments of a power-law split (&gt;= 1); ignored for decadal
 * @param exponent       power-law exponent α of dN/dm ∝ m^−α (&gt; 0); ignored for decadal
 * @param densityKgM3    bulk density given to every fragment, kg/m³
 * @param cd             drag coefficient given to every fragment
 * @param shapeFactor    shape factor given to every fragment
 */
public record SplitRule(Kind kind, double minMassKg, double maxMassKg, double totalMassKg,
    int count, double exponent, double densityKgM3, double cd, double shapeFactor)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The split families. */
  public enum Kind { DECADAL, POWER_LAW }
}
