package org.darkflight.io.meta;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code meta} block of a user-supplied artifact (docs/inputs.md): the units of its fields and where
 * its values come from. Schema: {@code schemas/meta.schema.json}.
 *
 * @param schemaVersion version of the artifact's schema the file follows, or null
 * @param units         field name → unit symbol (sorted)
 * @param provenance    the provenance object ({@code source} required, more keys allowed)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Meta(
    @JsonProperty("schema_version") String schemaVersion,
    @JsonProperty("units") SortedMap<String, String> units,
    @JsonProperty("provenance") ObjectNode provenance) {

  public Meta {
    units = units == null ? null : new TreeMap<>(units);
    provenance = provenance == null ? null : provenance.deepCopy();
  }

  /** A meta block with the given units and a provenance naming only its source. */
  public static Meta of(String schemaVersion, Map<String, String> units, String source) {
    ObjectNode prov = org.darkflight.io.json.Json.mapper().createObjectNode();
    prov.put("source", source);
    return new Meta(schemaVersion, new TreeMap<>(units), prov);
  }

  @Override
  public SortedMap<String, String> units() {
    return units == null ? null : new TreeMap<>(units);
  }

  @Override
  public ObjectNode provenance() {
    return provenance == null ? null : provenance.deepCopy();
  }
}
