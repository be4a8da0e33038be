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
import org.darkflight.io.meta.CanonicalMeta;

/**
 * {@code calibration_narrowing.json} of {@code darkflight calibrate --rerun-ensemble} (schema
 * {@code schemas/calibration_narrowing.schema.json}, docs/uq.md): the 90 % ellipses of each mass
 * class before and after calibration and each find's distance to its class's ellipse centre.
 * Layout: {@link DeclaredOrderJson} with a final newline.
 *
 * @param schema          {@link #SCHEMA_ID}
 * @param meta            canonical metadata (inputs include calibrated_params.json)
 * @param calibrated      false when the baseline was kept (then after = before)
 * @param message         what was applied, or why the baseline was kept
 * @param confidenceLevel level of the compared ellipses (1)
 * @param baselineRun     directory of the baseline run, relative to the output directory
 * @param calibratedRun   directory of the calibrated run (the baseline's when not calibrated)
 * @param classes         one entry per mass class with an ellipse in either run, by label
 * @param finds           each find, in finds.json order
 */
public record CalibrationNarrowingDocument(
    @JsonProperty("$schema") String schema,
    @JsonProperty("meta") CanonicalMeta meta,
    @JsonProperty("calibrated") boolean calibrated,
    @JsonProperty("message") String message,
    @JsonProperty("confidence_level") double confidenceLevel,
    @JsonProperty("baseline_run") String baselineRun,
    @JsonProperty("calibrated_run") String calibratedRun,
    @JsonProperty("classes") List<ClassNarrowing> classes,
    @JsonProperty("finds") List<FindDistance> finds) {

  /** File name. */
  public static final String FILE = "calibration_narrowing.json";
  /** Schema name. */
  public static final String SCHEMA = "calibration_narrowing";
  /** Schema {@code $id}. */
  public static final String SCHEMA_ID =
      "https://darkflight.org/schemas/calibration_narrowing.schema.json";
  /** Value of {@code meta.product}. */
  public static final String PRODUCT = "calibration_narrowing";
  /** Schema version written into {@code meta}. */
  public static final String SCHEMA_VERSION = "1.0.0";

  public CalibrationNarrowingDocument {
    classes = List.copyOf(classes);
    finds = List.copyOf(finds);
  }

  /**
   * One mass class before and after.
   *
   * @param massClass          mass class label
   * @param before             its ellipse in the baseline run, or null
   * @param after              its ellipse in the calibrated run, or null
   * @param areaRatio          area after / before (1), null unless both exist
   * @param semiMajorAxisRatio semi-major axis after / before (1), null unless both exist
   * @param semiMinorAxisRatio semi-minor axis after / before (1), null unless both exist
   * @param centerShiftM       distance between the centres, m, null unless both exist
   */
  public record ClassNarrowing(
      @JsonProperty("mass_class") String massClass,
      @JsonProperty("before") Ellipse before,
      @JsonProperty("after") Ellipse after,
      @JsonProperty("area_ratio") Double areaRatio,
      @JsonProperty("semi_major_axis_ratio") Double semiMajorAxisRatio,
      @JsonProperty("semi_minor_axis_ratio") Double semiMinorAxisRatio,
      @JsonProperty("center_shift_m") Double centerShiftM) {}

  /**
   * A 90 % ellipse of one run.
   *
   * @param samples            landings of the class (count)
   * @param centerLatitudeDeg  centre latitude, WGS84 degrees
   * @param centerLongitudeDeg centre longitude, WGS84 degrees
   * @param semiMajorAxisM     semi-major axis, m
   * @param semiMinorAxisM     semi-minor axis, m
   * @param areaM2             area π·a·b, m²
   */
  public record Ellipse(
      @JsonProperty("samples") long samples,
      @JsonProperty("center_latitude_deg") double centerLatitudeDeg,
      @JsonProperty("center_longitude_deg") double centerLongitudeDeg,
      @JsonProperty("semi_major_axis_m") double semiMajorAxisM,
      @JsonProperty("semi_minor_axis_m") double semiMinorAxisM,
      @JsonProperty("area_m2") double areaM2) {}

  /**
   * A find and its class's ellipse centres.
   *
   * @param id                       find id from finds.json
   * @param massKg                   recovered mass, kg
   * @param massClass                mass class of that mass
   * @param distanceToCenterBeforeM  distance to the baseline centre, m, or null
   * @param distanceToCenterAfterM   distance to the calibrated centre, m, or null
   */
  public record FindDistance(
      @JsonProperty("id") String id,
      @JsonProperty("mass_kg") double massKg,
      @JsonProperty("mass_class") String massClass,
      @JsonProperty("distance_to_center_before_m") Double distanceToCenterBeforeM,
      @JsonProperty("distance_to_center_after_m") Double distanceToCenterAfterM) {}

  /** Writes the document atomically. */
  public void write(Path target) throws IOException {
    AtomicFiles.write(target, DeclaredOrderJson.toBytesWithNewline(this));
  }

  /**
   * Reads and validates the document.
   *
   * @throws InputException naming file, field and reason
   */
  public static CalibrationNarrowingDocument read(Path file) throws InputException {
    return Binding.bind(JsonSchemas.readValidated(file, SCHEMA),
        CalibrationNarrowingDocument.class, file.toString());
  }
}
