/**
 * Ensemble sampling (spec S4, S6 and §9): fragment preparation from fragments.json or a split
 * rule, per-sample random substreams, sampling strategies (Monte Carlo, stratified Latin
 * Hypercube, more through {@link java.util.ServiceLoader}), and the {@code SampleEnsemble}
 * transform that fans index ranges out into one pipeline element per sample.
 */
package org.darkflight.transforms.sampling;
