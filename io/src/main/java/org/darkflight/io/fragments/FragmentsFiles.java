package org.darkflight.io.fragments;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.InputException;
import org.darkflight.io.json.Binding;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.physics.Fragment;

/**
 * Reads and writes {@code fragments.json}: strict JSON, the schema, then semantic checks (ids
 * unique, also ignoring case because each id names an output file).
 */
public final class FragmentsFiles {

  /** Name of the schema, {@code schemas/fragments.schema.json}. */
  public static final String SCHEMA = "fragments";

  private FragmentsFiles() {}

  /**
   * Reads and validates a fragments file: a bare array of fragments or an object with a
   * {@code fragments} array (and optional {@code $schema} and {@code meta}).
   *
   * @throws InputException on any problem with the file
   */
  public static FragmentsFile read(Path file) throws InputException {
    return fromTree(JsonSchemas.readValidated(file, SCHEMA), file.toString());
  }

  /** Validates and converts an already parsed tree; {@code file} names it in messages. */
  public static FragmentsFile fromTree(JsonNode node, String file) throws InputException {
    JsonSchemas.validate(node, SCHEMA, file);
    boolean bare = node.isArray();
    FragmentsDocument doc = bare
        ? new FragmentsDocument(null, List.of(Binding.bind(node,
            FragmentsDocument.FragmentJson[].class, file)), null)
        : Binding.bind(node, FragmentsDocument.class, file);
    String prefix = bare ? "/" : "/fragments/";
    List<Fragment> out = new ArrayList<>(doc.fragments().size());
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < doc.fragments().size(); i++) {
      FragmentsDocument.FragmentJson f = doc.fragments().get(i);
      String pointer = prefix + i;
      Integer first = seen.putIfAbsent(f.id().toLowerCase(Locale.ROOT), i);
      if (first != null) {
        throw new InputException(file, pointer + "/id", "duplicate fragment id '" + f.id()
            + "' (already at " + prefix + first + "/id; ids name output files, case ignored)");
      }
      out.add(Binding.build(file, pointer, f::toFragment));
    }
    return new FragmentsFile(out, doc.meta());
  }

  /** The document form, with the {@code $schema} URI. */
  public static FragmentsDocument toDocument(FragmentsFile file) {
    return new FragmentsDocument(FragmentsDocument.SCHEMA_ID,
        file.fragments().stream().map(FragmentsDocument.FragmentJson::of).toList(), file.meta());
  }

  /** Writes a fragments file canonically and atomically. */
  public static void write(Path target, FragmentsFile file) throws IOException {
    AtomicFiles.write(target, Json.toCanonicalBytes(toDocument(file)));
  }
}
