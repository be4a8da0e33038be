/**
 * Uncertainty quantification over the ensemble (docs/architecture.md OptimusUQ): variance-based (Sobol)
 * sensitivity indices from paired draws of the ensemble's own distributions and one-at-a-time
 * effects of the landing position ({@link org.darkflight.analysis.uq.SensitivityAnalysis}),
 * and calibration of luminous-end offsets, drag/wind scale and density to recovered meteorites
 * ({@link org.darkflight.analysis.uq.Calibration}).
 */
package org.darkflight.analysis.uq;
