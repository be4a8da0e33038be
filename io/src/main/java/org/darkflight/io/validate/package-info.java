/**
 * Typed document of ParityGuard's output {@code validation_diff.json} (docs/legacy.md); the
 * verdict in a run's {@code output_manifest.json} is
 * {@link org.darkflight.io.run.OutputManifestDocument.Validation}.
 */
package org.darkflight.io.validate;
