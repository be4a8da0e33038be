/**
 * Observability (spec §13): JSON-lines logs ({@link org.darkflight.pipeline.obs.JsonLog}), the
 * {@code metrics.json} of batch runs ({@link org.darkflight.pipeline.obs.RunMetrics}; filled
 * from a run or a coordinator result by {@code pipeline.coord.BatchMetrics}) and the
 * progress line of interactive runs ({@link org.darkflight.pipeline.obs.Progress}).
 */
package org.darkflight.pipeline.obs;
