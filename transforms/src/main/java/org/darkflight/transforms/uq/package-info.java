/**
 * Uncertainty quantification over the ensemble (spec §3.2 OptimusUQ): variance-based (Sobol)
 * sensitivity indices from paired draws and one-at-a-time effects.
 */
package org.darkflight.transforms.uq;
