/**
 * Ensemble sampling math (fragment preparation S4, draws S6, docs/ensemble.md): fragment
 * preparation from fragments.json or a split rule, per-sample random substreams, and sampling
 * strategies (Monte Carlo, stratified Latin Hypercube, more through
 * {@link java.util.ServiceLoader}). A sample's draws depend only on the seed and its index.
 */
package org.darkflight.analysis.sampling;
