/**
 * The documents {@code darkflight process} writes about an event's processing, as records
 * written through the shared mapper: the stage cache record ({@code stage.json}), the model
 * manifest of stage S3, the validation status of S8, the provenance graph of S10 (JSON and
 * Graphviz DOT), the {@code run} block of the event's output manifest, and the canonical meta
 * block the stages stamp into what they write. Schemas: {@code schemas/stage_record.schema.json},
 * {@code model_manifest.schema.json}, {@code validation_status.schema.json},
 * {@code provenance_graph.schema.json}.
 */
package org.darkflight.io.process;
