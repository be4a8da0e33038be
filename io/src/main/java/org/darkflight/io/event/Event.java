package org.darkflight.io.event;

import org.darkflight.io.meta.Meta;
import org.darkflight.physics.LuminousEnd;

/**
 * A validated event: its identifier, the luminous-end state and the file's meta block.
 *
 * @param eventId     unique event identifier
 * @param luminousEnd where dark flight starts
 * @param meta        units and provenance
 */
public record Event(String eventId, LuminousEnd luminousEnd, Meta meta) {
  public Event {
    if (eventId == null || eventId.isBlank() || luminousEnd == null) {
      throw new IllegalArgumentException("event_id and luminous_end must be given");
    }
  }
}
