/**
 * {@code fragments.json}: the fragment hypotheses whose dark flight is integrated (docs/inputs.md) —
 * Jackson record, validated reader and canonical writer.
 */
package org.darkflight.io.fragments;
