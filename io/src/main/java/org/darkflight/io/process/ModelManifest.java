package org.darkflight.io.process;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * {@code <event_id>__model_manifest__v1.json}, written by stage S3 of {@code darkflight process}:
 * which physical models and integrator the run applies (the event's physics configuration with
 * the layered configuration's {@code [physics]} and {@code [integration]} keys in place), the
 * versions of the code that runs them, and that effective configuration. Schema:
 * {@code schemas/model_manifest.schema.json}.
 *
 * @param eventId  the event
 * @param models   the selected models and their settings
 * @param versions code versions
 * @param config   the effective configuration and the keys the layers applied
 * @param meta     schema version, creation time, producer, inputs
 */
public record ModelManifest(
    @JsonProperty("event_id") String eventId,
    @JsonProperty("models") Models models,
    @JsonProperty("versions") Versions versions,
    @JsonProperty("config") Config config,
    @JsonProperty("meta") StageMeta meta) {

  /** Checks that every block is given. */
  public ModelManifest {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(models, "models");
    Objects.requireNonNull(versions, "versions");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(meta, "meta");
  }

  /**
   * The selected models.
   *
   * @param drag             drag model, lower case (e.g. {@code simple_constant})
   * @param cdScale          factor on the drag coefficient, dimensionless
   * @param ablation         the ablation settings, as the physics configuration prints them
   * @param gravity          gravity model, lower case
   * @param earthRotation    whether the Earth's rotation is modelled
   * @param groundAltitudeM  ground height above mean sea level, m
   * @param integration      the integrator settings, as the physics configuration prints them
   * @param outputIntervalS  trajectory output interval, s
   * @param legacy           the legacy mode, as the physics configuration prints it
   */
  public record Models(
      @JsonProperty("drag") String drag,
      @JsonProperty("cd_scale") double cdScale,
      @JsonProperty("ablation") String ablation,
      @JsonProperty("gravity") String gravity,
      @JsonProperty("earth_rotation") boolean earthRotation,
      @JsonProperty("ground_altitude_m") double groundAltitudeM,
      @JsonProperty("integration") String integration,
      @JsonProperty("output_interval_s") double outputIntervalS,
      @JsonProperty("legacy") String legacy) {}

  /**
   * Code versions.
   *
   * @param physicsCore the program that runs the physics
   * @param runStage    the version of the ensemble run stage
   */
  public record Versions(
      @JsonProperty("physics_core") String physicsCore,
      @JsonProperty("run_stage") String runStage) {}

  /**
   * The physics configuration S3 applied: the event's {@code physics_config.json} with the
   * {@code [physics]} and {@code [integration]} keys of the layered configuration in place of
   * the same fields, every optional field filled with the value used, in the key names of both.
   *
   * @param physics     the effective {@code [physics]} keys (the physics configuration without
   *                    its {@code integration} object)
   * @param integration the effective {@code [integration]} keys (the {@code integration} object)
   * @param applied     the keys the configuration layers set, dotted ({@code integration.method})
   *                    with their values; empty when the file was used as it is
   */
  public record Config(
      @JsonProperty("physics") JsonNode physics,
      @JsonProperty("integration") JsonNode integration,
      @JsonProperty("applied_keys") java.util.Map<String, JsonNode> applied) {}
}
