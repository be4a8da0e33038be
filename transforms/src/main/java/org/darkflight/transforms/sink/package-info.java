/**
 * Deterministic sinks and element coders: per-range shard files (elements sorted by sample index, one file per
 * index range, written atomically and idempotently) that the driver concatenates in index order
 * after the pipeline has finished, feeding the GeoJSON/KML writers and the manifests.
 */
package org.darkflight.transforms.sink;
