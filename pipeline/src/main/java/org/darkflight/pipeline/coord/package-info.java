/**
 * The coordinator (spec §5, §6, §10): stage descriptors S1–S10, the DAG built from them,
 * content-addressed stage cache, the project layout and artifact naming, the provenance graph
 * and the output manifest.
 */
package org.darkflight.pipeline.coord;
