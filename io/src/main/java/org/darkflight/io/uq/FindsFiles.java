package org.darkflight.io.uq;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.darkflight.io.InputException;
import org.darkflight.io.json.Binding;
import org.darkflight.io.json.JsonSchemas;

/**
 * Reads {@code finds.json} through its schema ({@code schemas/finds.schema.json}): positions
 * WGS84 degrees, mass kg, 1-σ position uncertainty m, ids unique.
 */
public final class FindsFiles {

  private FindsFiles() {}

  /**
   * Reads, validates and binds the finds.
   *
   * @throws InputException naming file, JSON pointer and reason (schema violations, duplicate ids)
   */
  public static List<FindsDocument.Find> read(Path file) throws InputException {
    FindsDocument doc = Binding.bind(JsonSchemas.readValidated(file, FindsDocument.SCHEMA),
        FindsDocument.class, file.toString());
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < doc.finds().size(); i++) {
      String id = doc.finds().get(i).id();
      if (!ids.add(id)) {
        throw new InputException(file, "/finds/" + i + "/id", "duplicate id " + id);
      }
    }
    return doc.finds();
  }
}
