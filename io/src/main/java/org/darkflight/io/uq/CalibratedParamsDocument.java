package org.darkflight.io.uq;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.InputException;
import org.darkflight.io.json.Binding;
import org.darkflight.io.json.DeclaredOrderJson;
import org.darkflight.io.json.JsonSchemas;

/**
 * {@code calibrated_params.json} of {@code darkflight calibrate} (schema
 * {@code schemas/calibrated_params.schema.json}, docs/uq.md): the fitted value and 1-σ posterior
 * spread of each calibration parameter. {@code calibrated} false means the baseline was kept and
 * {@code message} says why. Layout: {@link DeclaredOrderJson}, no final newline.
 *
 * @param product                  {@link #PRODUCT}
 * @param schemaVersion            {@link #SCHEMA_VERSION}
 * @param createdUtc               when it was written, ISO-8601 UTC
 * @param eventId                  the event
 * @param finds                    finds used (count)
 * @param calibrated               whether the fit was accepted
 * @param message                  what the fit did, or why the baseline was kept
 * @param parameters               parameter key (e.g. {@code cd_scale}) → its fit, in the order
 *                                 of the calibration parameters
 * @param negLogLikelihoodBaseline negative log-likelihood of the finds at the baseline (1)
 * @param negLogLikelihood         negative log-likelihood at the fitted values (1)
 * @param residualsM               find id → distance of the find from its predicted landing, m
 *                                 (null when the landing failed), in finds.json order
 */
public record CalibratedParamsDocument(
    @JsonProperty("product") String product,
    @JsonProperty("schema_version") String schemaVersion,
    @JsonProperty("created_utc") String createdUtc,
    @JsonProperty("event_id") String eventId,
    @JsonProperty("finds") int finds,
    @JsonProperty("calibrated") boolean calibrated,
    @JsonProperty("message") String message,
    @JsonProperty("parameters") Map<String, Parameter> parameters,
    @JsonProperty("neg_log_likelihood_baseline") double negLogLikelihoodBaseline,
    @JsonProperty("neg_log_likelihood") double negLogLikelihood,
    @JsonProperty("residuals_m") Map<String, Double> residualsM) {

  /** File name. */
  public static final String FILE = "calibrated_params.json";
  /** Schema name. */
  public static final String SCHEMA = "calibrated_params";
  /** Value of {@code product}. */
  public static final String PRODUCT = "calibrated_params";
  /** Schema version written. */
  public static final String SCHEMA_VERSION = "1.0.0";

  public CalibratedParamsDocument {
    parameters = new LinkedHashMap<>(parameters);
    residualsM = new LinkedHashMap<>(residualsM);
  }

  /**
   * One calibration parameter.
   *
   * @param value    fitted value (the baseline when fixed), in the parameter's unit
   * @param baseline value before calibration, same unit
   * @param sigma    1-σ posterior spread (Laplace approximation), same unit; null when unknown
   * @param free     whether it was fitted
   */
  public record Parameter(
      @JsonProperty("value") double value,
      @JsonProperty("baseline") double baseline,
      @JsonProperty("sigma") Double sigma,
      @JsonProperty("free") boolean free) {}

  /** Writes the document atomically. */
  public void write(Path target) throws IOException {
    AtomicFiles.write(target, DeclaredOrderJson.toBytes(this));
  }

  /**
   * Reads and validates the document.
   *
   * @throws InputException naming file, field and reason
   */
  public static CalibratedParamsDocument read(Path file) throws InputException {
    return Binding.bind(JsonSchemas.readValidated(file, SCHEMA), CalibratedParamsDocument.class,
        file.toString());
  }
}
