package org.darkflight.io.process;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The {@code run} block of an event's {@code output_manifest.json} as
 * {@code darkflight process} writes it: whether the processing completed and how each stage
 * ended.
 *
 * @param status          {@code complete} or {@code failed}
 * @param pathsRelativeTo what the artifact paths are relative to: {@code project_root}
 * @param stages          the stages in execution order
 * @param validationStatus the verdict of stage S8 as published into the geo artifacts
 *                        ({@code passed}, {@code failed: …}, {@code skipped: …}), or
 *                        {@code not run: …} when an earlier stage failed
 * @param fragmentsDerived how the fragments were derived when the event has no
 *                        fragments.json (split rule or the default decadal suite), or null
 * @param inputWarnings   warnings of the checks of the ensemble stage's inputs (e.g. the
 *                        USSA76 fill at the luminous end), or null when none
 */
public record ProcessRunInfo(
    @JsonProperty("status") String status,
    @JsonProperty("paths_relative_to") String pathsRelativeTo,
    @JsonProperty("stages") List<Stage> stages,
    @JsonProperty("validation_status") String validationStatus,
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonProperty("fragments_derived") String fragmentsDerived,
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonProperty("input_warnings") List<String> inputWarnings) {

  /** Artifact paths are relative to the project root. */
  public static final String PROJECT_ROOT = "project_root";

  /** Copies the list. */
  public ProcessRunInfo {
    stages = List.copyOf(stages);
    inputWarnings = inputWarnings == null || inputWarnings.isEmpty() ? null
        : List.copyOf(inputWarnings);
  }

  /**
   * One stage.
   *
   * @param stage        stage id
   * @param name         stage name
   * @param stageVersion stage version
   * @param status       {@code ok}, {@code skipped: …}, {@code failed: …} or {@code not run: …}
   */
  public record Stage(
      @JsonProperty("stage") String stage,
      @JsonProperty("name") String name,
      @JsonProperty("stage_version") String stageVersion,
      @JsonProperty("status") String status) {}
}
