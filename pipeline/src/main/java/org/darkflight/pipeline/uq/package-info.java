/**
 * Uncertainty-quantification jobs over whole ensembles: paired comparison of two physics
 * variants on the same draws (spec §9), {@code sensitivity.json}, finds files, and the ensemble
 * re-run with calibrated parameters with its narrowing report.
 */
package org.darkflight.pipeline.uq;
