package org.darkflight.io.validate;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.InputException;
import org.darkflight.io.json.Binding;
import org.darkflight.io.json.DeclaredOrderJson;
import org.darkflight.io.json.JsonSchemas;

/**
 * {@code validation_diff.json} of {@code darkflight validate} (ParityGuard; schema
 * {@code schemas/validation_diff.schema.json}, docs/legacy.md): the verdict, the unusable
 * goldens, every metric against its tolerance and every recomputed golden fragment. Layout:
 * {@link DeclaredOrderJson}, no final newline; the metric and fragment entries keep the
 * camel-case keys they have always had ({@code eventId}, {@code goldenEastingM}, …).
 *
 * @param passed    true when no metric is breached and no golden is unusable
 * @param problems  why goldens could not be used, one line each
 * @param metrics   each metric of each golden event
 * @param fragments each recomputed golden fragment
 */
public record ValidationDiffDocument(
    @JsonProperty("passed") boolean passed,
    @JsonProperty("problems") List<String> problems,
    @JsonProperty("metrics") List<Metric> metrics,
    @JsonProperty("fragments") List<FragmentDiff> fragments) {

  /** File name. */
  public static final String FILE = "validation_diff.json";
  /** Schema name. */
  public static final String SCHEMA = "validation_diff";

  public ValidationDiffDocument {
    problems = List.copyOf(problems);
    metrics = List.copyOf(metrics);
    fragments = List.copyOf(fragments);
  }

  /**
   * One metric of one golden event.
   *
   * @param eventId   the golden event
   * @param name      centroid_delta, max_point_delta, runtime or mass_rmse
   * @param value     measured value, in {@code unit}
   * @param tolerance the spec's tolerance, in {@code unit}
   * @param unit      m, s or kg
   * @param breached  whether value exceeds the tolerance
   */
  public record Metric(
      @JsonProperty("eventId") String eventId,
      @JsonProperty("name") String name,
      @JsonProperty("value") double value,
      @JsonProperty("tolerance") double tolerance,
      @JsonProperty("unit") String unit,
      @JsonProperty("breached") boolean breached) {}

  /**
   * One golden fragment recomputed.
   *
   * @param eventId         the golden event
   * @param fragmentId      the fragment
   * @param goldenEastingM  golden UTM easting, m
   * @param goldenNorthingM golden UTM northing, m
   * @param eastingM        recomputed UTM easting, m
   * @param northingM       recomputed UTM northing, m
   * @param deltaM          distance between them, m
   * @param goldenFallTimeS golden fall time, s
   * @param fallTimeS       recomputed fall time, s
   * @param goldenMassKg    golden mass, kg
   * @param massKg          recomputed mass, kg
   */
  public record FragmentDiff(
      @JsonProperty("eventId") String eventId,
      @JsonProperty("fragmentId") String fragmentId,
      @JsonProperty("goldenEastingM") double goldenEastingM,
      @JsonProperty("goldenNorthingM") double goldenNorthingM,
      @JsonProperty("eastingM") double eastingM,
      @JsonProperty("northingM") double northingM,
      @JsonProperty("deltaM") double deltaM,
      @JsonProperty("goldenFallTimeS") double goldenFallTimeS,
      @JsonProperty("fallTimeS") double fallTimeS,
      @JsonProperty("goldenMassKg") double goldenMassKg,
      @JsonProperty("massKg") double massKg) {}

  /** The document's bytes. */
  public byte[] toBytes() throws IOException {
    return DeclaredOrderJson.toBytes(this);
  }

  /** Writes the document atomically. */
  public void write(Path target) throws IOException {
    AtomicFiles.write(target, toBytes());
  }

  /**
   * Reads and validates the document.
   *
   * @throws InputException naming file, field and reason
   */
  public static ValidationDiffDocument read(Path file) throws InputException {
    return Binding.bind(JsonSchemas.readValidated(file, SCHEMA), ValidationDiffDocument.class,
        file.toString());
  }
}
