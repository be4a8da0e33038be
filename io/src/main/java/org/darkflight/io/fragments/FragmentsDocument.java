package org.darkflight.io.fragments;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.darkflight.io.meta.Meta;
import org.darkflight.physics.Fragment;

/**
 * The JSON shape of {@code fragments.json} (schema {@code schemas/fragments.schema.json}, spec
 * §4.2).
 *
 * @param schema    the {@code $schema} URI (null when the file gives none)
 * @param fragments the fragment hypotheses (at least one)
 * @param meta      units and provenance (null when the file gives none)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FragmentsDocument(
    @JsonProperty("$schema") String schema,
    @JsonProperty("fragments") List<FragmentJson> fragments,
    @JsonProperty("meta") Meta meta) {

  /** {@code $id} of the fragments schema. */
  public static final String SCHEMA_ID = "https://darkflight.org/schemas/fragments.schema.json";

  public FragmentsDocument {
    fragments = fragments == null ? null : List.copyOf(fragments);
  }

  /**
   * One fragment; {@code shapeFactor} is null when absent (then the sphere's 1.21 applies),
   * {@code cd} is null when absent (allowed when the drag model computes Cd itself; the run's
   * input check refuses it otherwise).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FragmentJson(
      @JsonProperty("id") String id,
      @JsonProperty("mass_kg") double massKg,
      @JsonProperty("density_kgm3") double densityKgm3,
      @JsonProperty("cd") Double cd,
      @JsonProperty("shape_factor") Double shapeFactor) {

    /** Shape factor used when the file gives none: a sphere, 1.21 (spec, DFN). */
    public static final double DEFAULT_SHAPE_FACTOR = 1.21;

    /** The physics value (validated by its constructor). */
    public Fragment toFragment() {
      return new Fragment(id, massKg, densityKgm3, cd == null ? Double.NaN : cd,
          shapeFactor == null ? DEFAULT_SHAPE_FACTOR : shapeFactor);
    }

    /** The JSON form of a physics value. */
    public static FragmentJson of(Fragment f) {
      return new FragmentJson(f.id(), f.massKg(), f.densityKgM3(),
          f.hasCd() ? f.cd() : null, f.shapeFactor());
    }
  }
}
