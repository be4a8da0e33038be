/**
 * {@code event.json}: the luminous-end state where dark flight starts (docs/inputs.md) — Jackson
 * record, validated reader and canonical writer.
 */
package org.darkflight.io.event;
