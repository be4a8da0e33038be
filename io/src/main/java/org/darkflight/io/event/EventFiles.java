package org.darkflight.io.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.InputException;
import org.darkflight.io.geoid.HeightReference;
import org.darkflight.io.json.Binding;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;

/**
 * Reads and writes {@code event.json}: strict JSON, then the schema, then the physics value's own
 * checks; every problem is an {@link InputException} naming file, JSON pointer and reason.
 */
public final class EventFiles {

  /** Name of the schema, {@code schemas/event.schema.json}. */
  public static final String SCHEMA = "event";

  private EventFiles() {}

  /**
   * Reads and validates an event file.
   *
   * @throws InputException on any problem with the file
   */
  public static Event read(Path file) throws InputException {
    JsonNode node = JsonSchemas.readValidated(file, SCHEMA);
    return fromTree(node, file.toString());
  }

  /** Validates and converts an already parsed tree; {@code file} names it in messages. */
  public static Event fromTree(JsonNode node, String file) throws InputException {
    JsonSchemas.validate(node, SCHEMA, file);
    EventDocument doc = Binding.bind(node, EventDocument.class, file);
    EventDocument.LuminousEndJson le = doc.luminousEnd();
    String anglePointer = le.zenithAngleDeg() != null && le.elevationDeg() == null
        ? "/luminous_end/zenith_angle_deg" : "/luminous_end/elevation_deg";
    Binding.build(file, anglePointer, le::entryAngleDeg);
    return new Event(doc.eventId(),
        Binding.build(file, "/luminous_end", le::toLuminousEnd), doc.meta(),
        HeightReference.parse(le.heightReference(), file, "/luminous_end/height_reference"));
  }

  /** The document form of an event, with the {@code $schema} URI. */
  public static EventDocument toDocument(Event event) {
    return new EventDocument(EventDocument.SCHEMA_ID, event.eventId(),
        EventDocument.LuminousEndJson.of(event.luminousEnd(), event.heightReference()),
        event.meta());
  }

  /** Writes an event canonically and atomically. */
  public static void write(Path file, Event event) throws IOException {
    AtomicFiles.write(file, Json.toCanonicalBytes(toDocument(event)));
  }
}
