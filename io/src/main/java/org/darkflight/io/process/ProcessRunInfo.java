package org.darkflight.io.process;

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
 */
public record ProcessRunInfo(
    @JsonProperty("status") String status,
    @JsonProperty("paths_relative_to") String pathsRelativeTo,
    @JsonProperty("stages") List<Stage> stages) {

  /** Artifact paths are relative to the project root. */
  public static final String PROJECT_ROOT = "project_root";

  /** Copies the list. */
  public ProcessRunInfo {
    stages = List.copyOf(stages);
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
