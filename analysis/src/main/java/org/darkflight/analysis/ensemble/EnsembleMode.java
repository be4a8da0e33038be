package org.darkflight.analysis.ensemble;

/** Ensemble modes of docs/ensemble.md. */
public enum EnsembleMode {
  /**
   * Every fragment mass of the grid (fragments.json or a split rule) in turn, at its exact mass;
   * the other uncertain parameters are drawn. {@code mass_kg} may not be uncertain.
   */
  MASS_GRID,
  /** Every parameter with a distribution is drawn, fragment masses included. */
  MONTE_CARLO
}
