/**
 * {@code fragments.json}: the fragment hypotheses whose dark flight is integrated (spec §4.2) —
 * Jackson record, validated reader and canonical writer.
 */
package org.darkflight.io.fragments;
