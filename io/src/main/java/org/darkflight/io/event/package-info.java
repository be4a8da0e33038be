/**
 * {@code event.json}: the luminous-end state where dark flight starts (spec §4.1) — Jackson
 * record, validated reader and canonical writer.
 */
package org.darkflight.io.event;
