package org.darkflight.io.uq;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.InputException;
import org.darkflight.io.json.Binding;
import org.darkflight.io.json.DeclaredOrderJson;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.io.meta.CanonicalMeta;

/**
 * {@code sensitivity.json} of {@code darkflight sensitivity} (schema
 * {@code schemas/sensitivity.schema.json}, docs/uq.md): Sobol first-order and total indices and
 * one-at-a-time effects of the landing position per uncertain parameter, one class per fragment
 * hypothesis. A value that could not be estimated is null. Layout: {@link DeclaredOrderJson} with
 * a final newline.
 *
 * @param schema  {@link #SCHEMA_ID}
 * @param meta    canonical metadata
 * @param method  how the indices were computed
 * @param classes one entry per fragment hypothesis, in canonical (id) order
 */
public record SensitivityDocument(
    @JsonProperty("$schema") String schema,
    @JsonProperty("meta") CanonicalMeta meta,
    @JsonProperty("method") Method method,
    @JsonProperty("classes") List<ClassIndices> classes) {

  /** File name. */
  public static final String FILE = "sensitivity.json";
  /** Schema name. */
  public static final String SCHEMA = "sensitivity";
  /** Schema {@code $id}. */
  public static final String SCHEMA_ID = "https://darkflight.org/schemas/sensitivity.schema.json";
  /** Value of {@code meta.product}. */
  public static final String PRODUCT = "sensitivity";
  /** Schema version written into {@code meta}. */
  public static final String SCHEMA_VERSION = "1.0.0";

  public SensitivityDocument {
    classes = List.copyOf(classes);
  }

  /**
   * How the indices were computed.
   *
   * @param output              the model output analysed
   * @param indexDefinition     what the indices are shares of
   * @param firstOrderEstimator estimator of the first-order indices (reference)
   * @param totalEstimator      estimator of the total indices (reference)
   * @param design              how the paired matrices are drawn
   * @param sampling            sampling strategy of the ensemble
   * @param randomSeed          the ensemble's random seed
   * @param baseRowsPerClass    base rows N per class (count)
   * @param landings            landings simulated in all (count)
   * @param bootstrapResamples  bootstrap resamples behind the intervals (count)
   * @param confidenceLevel     level of the intervals (1)
   * @param oatDefinition       how the one-at-a-time effects are defined
   */
  public record Method(
      @JsonProperty("output") String output,
      @JsonProperty("index_definition") String indexDefinition,
      @JsonProperty("first_order_estimator") String firstOrderEstimator,
      @JsonProperty("total_estimator") String totalEstimator,
      @JsonProperty("design") String design,
      @JsonProperty("sampling") String sampling,
      @JsonProperty("random_seed") long randomSeed,
      @JsonProperty("base_rows_per_class") int baseRowsPerClass,
      @JsonProperty("landings") long landings,
      @JsonProperty("bootstrap_resamples") int bootstrapResamples,
      @JsonProperty("confidence_level") double confidenceLevel,
      @JsonProperty("oat_definition") String oatDefinition) {}

  /**
   * One fragment hypothesis.
   *
   * @param massClass       mass class label of the nominal landing's final mass
   * @param fragmentId      the fragment
   * @param fragmentMassKg  its nominal initial mass, kg
   * @param samples         base rows whose landings all succeeded (count)
   * @param rowsDrawn       base rows drawn (count)
   * @param nominalEastM    east offset of the nominal landing, m, or null
   * @param nominalNorthM   north offset of the nominal landing, m, or null
   * @param varianceAlongM2 variance of the along-track landing offset, m², or null
   * @param varianceCrossM2 variance of the cross-track landing offset, m², or null
   * @param parameters      one entry per uncertain parameter
   */
  public record ClassIndices(
      @JsonProperty("mass_class") String massClass,
      @JsonProperty("fragment_id") String fragmentId,
      @JsonProperty("fragment_mass_kg") double fragmentMassKg,
      @JsonProperty("samples") int samples,
      @JsonProperty("rows_drawn") int rowsDrawn,
      @JsonProperty("nominal_east_m") Double nominalEastM,
      @JsonProperty("nominal_north_m") Double nominalNorthM,
      @JsonProperty("variance_along_m2") Double varianceAlongM2,
      @JsonProperty("variance_cross_m2") Double varianceCrossM2,
      @JsonProperty("parameters") List<ParameterIndices> parameters) {

    public ClassIndices {
      parameters = List.copyOf(parameters);
    }
  }

  /**
   * One parameter's indices (1) and one-at-a-time shifts (m); null where not estimable.
   *
   * @param name                       parameter key of ensemble_config.json
   * @param unit                       unit of the parameter's values
   * @param firstOrderIndex            Sobol first-order index
   * @param firstOrderCi95             its 95 % bootstrap interval [low, high]
   * @param totalIndex                 Sobol total index
   * @param totalCi95                  its 95 % bootstrap interval [low, high]
   * @param oatShiftM                  half the distance between the ±1σ landings, m
   * @param oatPlusShiftM              distance of the +1σ landing from the nominal, m
   * @param oatMinusShiftM             distance of the −1σ landing from the nominal, m
   * @param alongTrackFirstOrderIndex  first-order index of the along-track variance
   * @param crossTrackFirstOrderIndex  first-order index of the cross-track variance
   * @param alongTrackTotalIndex       total index of the along-track variance
   * @param crossTrackTotalIndex       total index of the cross-track variance
   */
  public record ParameterIndices(
      @JsonProperty("name") String name,
      @JsonProperty("unit") String unit,
      @JsonProperty("first_order_index") Double firstOrderIndex,
      @JsonProperty("first_order_ci95") List<Double> firstOrderCi95,
      @JsonProperty("total_index") Double totalIndex,
      @JsonProperty("total_ci95") List<Double> totalCi95,
      @JsonProperty("oat_shift_m") Double oatShiftM,
      @JsonProperty("oat_plus_shift_m") Double oatPlusShiftM,
      @JsonProperty("oat_minus_shift_m") Double oatMinusShiftM,
      @JsonProperty("along_track_first_order_index") Double alongTrackFirstOrderIndex,
      @JsonProperty("cross_track_first_order_index") Double crossTrackFirstOrderIndex,
      @JsonProperty("along_track_total_index") Double alongTrackTotalIndex,
      @JsonProperty("cross_track_total_index") Double crossTrackTotalIndex) {

    public ParameterIndices {
      firstOrderCi95 = nullableCopy(firstOrderCi95);
      totalCi95 = nullableCopy(totalCi95);
    }
  }

  /** A copy that may hold nulls (List.copyOf refuses them). */
  private static List<Double> nullableCopy(List<Double> values) {
    return values == null ? null : Collections.unmodifiableList(new ArrayList<>(values));
  }

  /** Writes the document atomically. */
  public void write(Path target) throws IOException {
    AtomicFiles.write(target, DeclaredOrderJson.toBytesWithNewline(this));
  }

  /**
   * Reads and validates the document.
   *
   * @throws InputException naming file, field and reason
   */
  public static SensitivityDocument read(Path file) throws InputException {
    return Binding.bind(JsonSchemas.readValidated(file, SCHEMA), SensitivityDocument.class,
        file.toString());
  }
}
