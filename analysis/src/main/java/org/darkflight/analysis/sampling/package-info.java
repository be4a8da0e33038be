/**
 * Ensemble sampling math (draws S6, docs/ensemble.md): per-sample random substreams, sampling
 * strategies (Monte Carlo, stratified Latin Hypercube, more through
 * {@link java.util.ServiceLoader}), the samples drawn from an ensemble configuration and how one
 * sample flies ({@link org.darkflight.analysis.sampling.SampleFlight}: its fragment, luminous end
 * and perturbed atmosphere). A sample's draws depend only on the seed and its index.
 */
package org.darkflight.analysis.sampling;
