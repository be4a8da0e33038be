/**
 * The per-sample analysis table on the workers (docs/outputs.md, "samples.fgb"): the rows
 * ({@link org.darkflight.transforms.table.SampleRows}) and the job writing the FlatGeobuf shards
 * ({@link org.darkflight.transforms.table.WriteSampleTable}).
 */
package org.darkflight.transforms.table;
