package org.darkflight.io.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.darkflight.io.json.Json;

/**
 * Checks that every object of a written JSON text has its keys in sorted (natural
 * {@link String}) order, as the canonical writer promises, read with the streaming parser so
 * that the order in the bytes is what is checked.
 */
public final class SortedKeys {

  private SortedKeys() {}

  /** Fails when some object's keys are out of order, naming the keys. */
  public static void check(byte[] json) throws IOException {
    Deque<String> last = new ArrayDeque<>();
    try (JsonParser p = Json.mapper().getFactory().createParser(json)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.START_OBJECT) {
          last.push("");
        } else if (t == JsonToken.END_OBJECT) {
          last.pop();
        } else if (t == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          String before = last.pop();
          assertTrue(before.compareTo(name) < 0, "key \"" + name + "\" after \"" + before
              + "\" at " + p.currentLocation());
          last.push(name);
        }
      }
    }
  }
}
