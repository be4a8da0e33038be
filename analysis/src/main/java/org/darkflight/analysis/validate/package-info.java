/**
 * ParityGuard: compares results with golden events under the tolerances of a
 * {@code validation_spec.json}, writes {@code validation_report.md} and a per-fragment diff, and
 * gates publication of the geo outputs on the verdict.
 */
package org.darkflight.analysis.validate;
