/**
 * Beam transforms of the Darkflight pipeline, and nothing else: the ensemble graph, sample
 * fan-out, integration, ellipse fitting, shard sinks and element coders. The algorithms they
 * run live in the Beam-free analysis module.
 */
package org.darkflight.transforms;
