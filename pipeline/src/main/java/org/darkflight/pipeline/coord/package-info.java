/**
 * The coordinator of {@code darkflight process}/{@code reprocess}: the artifacts of an event
 * ({@link org.darkflight.pipeline.coord.ArtifactId}) and where they live
 * ({@link org.darkflight.pipeline.coord.ProjectLayout}), the stage descriptors S1–S10 and their
 * DAG ({@link org.darkflight.pipeline.coord.StageGraph}), the content-addressed stage cache
 * ({@link org.darkflight.pipeline.coord.StageCache}), the stage bodies, the provenance graph and
 * output manifest ({@link org.darkflight.pipeline.coord.ProvenanceWriter}), and the
 * {@link org.darkflight.pipeline.coord.Coordinator} that runs them in order. See
 * {@code docs/operations.md}.
 */
package org.darkflight.pipeline.coord;
