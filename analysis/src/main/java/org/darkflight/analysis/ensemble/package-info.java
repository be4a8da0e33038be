/**
 * The ensemble's plain-Java model: its configuration ({@code ensemble_config.json}: sampling
 * mode, sample count, seed, distributions of the uncertain parameters, fragment split rules and
 * mass classes, read and checked so that every bad setting is reported with file, field and
 * reason before a pipeline is built), fragment preparation from fragments.json or a split rule
 * (S4), the inputs of a run ({@link org.darkflight.analysis.ensemble.RunInputs}) and the event
 * plane and mass classes the landings are summarised in.
 */
package org.darkflight.analysis.ensemble;
