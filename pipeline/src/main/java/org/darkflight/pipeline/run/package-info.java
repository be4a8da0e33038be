/**
 * The {@code darkflight run} job (docs/service.md mode 1, S4–S7, S9): validates every input, builds and
 * runs the Beam ensemble graph, then writes the strewn-field products, the ensemble manifest and
 * the output manifest from the pipeline's index-ordered shards.
 */
package org.darkflight.pipeline.run;
