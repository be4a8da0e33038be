/**
 * Typed documents of the artifacts of an ensemble run (docs/outputs.md): {@code
 * output_manifest.json}, {@code ensemble_manifest.json}, {@code metrics.json} and the debug
 * artifact {@code debug_drag_regimes.json}, each a record serialised through the one mapper
 * ({@link org.darkflight.io.json.Json}) and read back through the same record.
 */
package org.darkflight.io.run;
