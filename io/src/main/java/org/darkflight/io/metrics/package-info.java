/**
 * {@code metrics.json}: the runtime metrics of a batch run ({@code darkflight run},
 * {@code process}, {@code reprocess}) as a record written through the shared mapper. Schema:
 * {@code schemas/metrics.schema.json}.
 */
package org.darkflight.io.metrics;
