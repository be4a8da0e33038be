package org.darkflight.io.event;

import org.darkflight.io.meta.Meta;
import org.darkflight.physics.LuminousEnd;

/**
 * A validated event: its identifier, the luminous-end state and the file's meta block.
 *
 * @param eventId     unique event identifier
 * @param luminousEnd where dark flight starts
 * @param meta        units and provenance
 * @param heightReference what {@code luminousEnd.altitudeM()} is measured from (file field
 *                    {@code luminous_end.height_reference}; default mean sea level)
 */
public record Event(String eventId, LuminousEnd luminousEnd, Meta meta,
    org.darkflight.io.geoid.HeightReference heightReference) {
  public Event {
    if (eventId == null || eventId.isBlank() || luminousEnd == null) {
      throw new IllegalArgumentException("event_id and luminous_end must be given");
    }
    if (heightReference == null) {
      heightReference = org.darkflight.io.geoid.HeightReference.MSL;
    }
  }

  /** An event whose luminous-end height is above mean sea level (the spec's default). */
  public Event(String eventId, LuminousEnd luminousEnd, Meta meta) {
    this(eventId, luminousEnd, meta, org.darkflight.io.geoid.HeightReference.MSL);
  }
}
