/**
 * The {@code SampleEnsemble} transform: index ranges fanned out into one pipeline element per
 * sample, each drawn by the analysis module's {@code SampleFactory} from the seed and its index.
 */
package org.darkflight.transforms.sampling;
