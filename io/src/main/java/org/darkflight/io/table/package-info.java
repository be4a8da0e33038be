/**
 * The per-sample analysis table of an ensemble run (docs/outputs.md, "samples.fgb"): one row
 * per sample with its draws joined to its landing ({@link org.darkflight.io.table.SampleRow},
 * columns in {@link org.darkflight.io.table.SampleTable}), written as FlatGeobuf shards and a
 * merged FlatGeobuf file ({@link org.darkflight.io.table.FlatGeobufTable}), a GDAL VRT over the
 * shards ({@link org.darkflight.io.table.SampleTableVrt}) and a GeoPackage
 * ({@link org.darkflight.io.table.GeoPackageTable}).
 */
package org.darkflight.io.table;
