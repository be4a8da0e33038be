/**
 * Uncertainty-quantification jobs over whole ensembles: paired comparison of two physics
 * variants on the same draws (spec §9).
 */
package org.darkflight.pipeline.uq;
