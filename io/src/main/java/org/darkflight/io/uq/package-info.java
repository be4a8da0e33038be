/**
 * Typed documents of the uncertainty-quantification artifacts (docs/uq.md): {@code
 * calibrated_params.json}, {@code calibration_narrowing.json}, {@code paired_comparison.json} and
 * {@code sensitivity.json}, and the reader of the {@code finds.json} input. Each is a record
 * serialised through the one mapper ({@link org.darkflight.io.json.Json}; the layout of these
 * files is {@link org.darkflight.io.json.DeclaredOrderJson}).
 */
package org.darkflight.io.uq;
