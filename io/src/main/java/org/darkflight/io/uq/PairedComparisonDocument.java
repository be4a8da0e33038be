package org.darkflight.io.uq;

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
 * {@code paired_comparison.json} of {@code darkflight compare} (schema
 * {@code schemas/paired_comparison.schema.json}, docs/uq.md): per mass class the paired
 * differences B − A of the landing position with Student-t confidence intervals. Layout:
 * {@link DeclaredOrderJson}, no final newline. The class entries keep the camel-case keys they
 * have always had ({@code massClassIndex}, {@code eastM}, …).
 *
 * @param product         {@link #PRODUCT}
 * @param createdUtc      when it was written, ISO-8601 UTC
 * @param eventId         the event
 * @param configA         physics variant A (reference)
 * @param configB         physics variant B
 * @param randomSeed      the ensemble's random seed (same draws for A and B)
 * @param confidenceLevel level of the intervals (1)
 * @param difference      what the differences are
 * @param classes         one entry per mass class of A with paired landings, by class index
 */
public record PairedComparisonDocument(
    @JsonProperty("product") String product,
    @JsonProperty("created_utc") String createdUtc,
    @JsonProperty("event_id") String eventId,
    @JsonProperty("config_a") ConfigFile configA,
    @JsonProperty("config_b") ConfigFile configB,
    @JsonProperty("random_seed") long randomSeed,
    @JsonProperty("confidence_level") double confidenceLevel,
    @JsonProperty("difference") String difference,
    @JsonProperty("classes") List<ClassDiff> classes) {

  /** File name. */
  public static final String FILE = "paired_comparison.json";
  /** Schema name. */
  public static final String SCHEMA = "paired_comparison";
  /** Value of {@code product}. */
  public static final String PRODUCT = "paired_comparison";

  public PairedComparisonDocument {
    classes = List.copyOf(classes);
  }

  /**
   * A physics configuration file.
   *
   * @param path   the path as given
   * @param sha256 lower-case hex SHA-256 of its bytes
   */
  public record ConfigFile(
      @JsonProperty("path") String path,
      @JsonProperty("sha256") String sha256) {}

  /**
   * One mass class's paired differences.
   *
   * @param massClassIndex mass class index of A (0 = lightest)
   * @param massClass      its label
   * @param pairs          samples that landed in both runs (count)
   * @param eastM          Δeast, m
   * @param northM         Δnorth, m
   * @param distanceM      |Δ|, m
   */
  public record ClassDiff(
      @JsonProperty("massClassIndex") int massClassIndex,
      @JsonProperty("massClass") String massClass,
      @JsonProperty("pairs") int pairs,
      @JsonProperty("eastM") Interval eastM,
      @JsonProperty("northM") Interval northM,
      @JsonProperty("distanceM") Interval distanceM) {}

  /**
   * Mean and confidence interval of one paired difference, m; NaN (written {@code "NaN"}) when
   * fewer than two pairs make it undefined.
   *
   * @param mean   mean, m
   * @param stdDev sample standard deviation, m
   * @param low    lower confidence bound, m
   * @param high   upper confidence bound, m
   */
  public record Interval(
      @JsonProperty("mean") double mean,
      @JsonProperty("stdDev") double stdDev,
      @JsonProperty("low") double low,
      @JsonProperty("high") double high) {}

  /** Writes the document atomically. */
  public void write(Path target) throws IOException {
    AtomicFiles.write(target, DeclaredOrderJson.toBytes(this));
  }

  /**
   * Reads and validates the document.
   *
   * @throws InputException naming file, field and reason
   */
  public static PairedComparisonDocument read(Path file) throws InputException {
    return Binding.bind(JsonSchemas.readValidated(file, SCHEMA), PairedComparisonDocument.class,
        file.toString());
  }
}
