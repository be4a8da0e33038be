package org.darkflight.io.atmos.fused;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.darkflight.io.meta.InputRef;

/**
 * The {@code meta.provenance} block of the fusion's artifacts (schema
 * {@code schemas/meta.schema.json#/$defs/provenance}).
 *
 * @param source   what the values come from, e.g. {@code AtmoFusion of 3 source(s)}
 * @param producer the program and the fusion strategy
 * @param notes    how the grid was chosen and where the QC notes are
 * @param inputs   the source files that could be read, with their SHA-256
 */
public record FusedProvenance(
    @JsonProperty("source") String source,
    @JsonProperty("producer") String producer,
    @JsonProperty("notes") String notes,
    @JsonProperty("inputs") List<InputRef> inputs) {

  /** Copies the list. */
  public FusedProvenance {
    inputs = List.copyOf(inputs);
  }
}
