/**
 * Builds {@code report.html} for a run directory: adds what only the pipeline knows (the run's
 * mass classes and the nominal trajectories, recomputed from the run's inputs exactly as for the
 * KML) to what {@link org.darkflight.io.report.RunDirectory} reads, and lists the report in
 * {@code output_manifest.json}.
 */
package org.darkflight.pipeline.report;
