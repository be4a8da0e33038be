package org.darkflight.io.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.InputException;
import org.darkflight.io.json.Binding;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.io.meta.Meta;
import org.darkflight.physics.PhysicsConfig;

/**
 * Reads and writes {@code physics_config.json}: strict JSON, the schema, then the step checks
 * ({@code dt_min_s <= dt_initial_s <= dt_max_s}), the record's own checks, and the plugins it
 * selects ({@link PluginConfigs#checkPhysics}).
 */
public final class PhysicsConfigFiles {

  /** Name of the schema, {@code schemas/physics_config.schema.json}. */
  public static final String SCHEMA = "physics_config";

  private PhysicsConfigFiles() {}

  /**
   * Reads and validates a physics configuration.
   *
   * @throws InputException on any problem with the file
   */
  public static PhysicsConfig read(Path file) throws InputException {
    return fromTree(JsonSchemas.readValidated(file, SCHEMA), file.toString());
  }

  /** Validates and converts an already parsed tree. */
  public static PhysicsConfig fromTree(JsonNode node, String file) throws InputException {
    JsonSchemas.validate(node, SCHEMA, file);
    PhysicsConfigDocument doc = Binding.bind(node, PhysicsConfigDocument.class, file);
    PhysicsConfigDocument.IntegrationJson i = doc.integration();
    if (i.dtMinS() > i.dtMaxS()) {
      throw new InputException(file, "/integration/dt_min_s", "dt_min_s (" + i.dtMinS()
          + " s) must not exceed dt_max_s (" + i.dtMaxS() + " s)");
    }
    if (i.dtInitialS() < i.dtMinS() || i.dtInitialS() > i.dtMaxS()) {
      throw new InputException(file, "/integration/dt_initial_s", "dt_initial_s ("
          + i.dtInitialS() + " s) must lie within [dt_min_s, dt_max_s] = [" + i.dtMinS() + ", "
          + i.dtMaxS() + "] s");
    }
    PhysicsConfig config = Binding.build(file, "/", doc::toPhysicsConfig);
    PluginConfigs.checkPhysics(node, config, file);
    return config;
  }

  /**
   * What {@code ground_altitude_m} of a configuration is measured from
   * ({@code height_reference}; mean sea level when absent).
   *
   * @throws InputException on any problem with the file
   */
  public static org.darkflight.io.geoid.HeightReference groundReference(Path file)
      throws InputException {
    JsonNode node = JsonSchemas.readValidated(file, SCHEMA);
    return org.darkflight.io.geoid.HeightReference.parse(
        node.path("height_reference").asText(null), file.toString(), "/height_reference");
  }

  /** Writes the full document of a configuration canonically and atomically. */
  public static void write(Path file, PhysicsConfig config, Meta meta) throws IOException {
    AtomicFiles.write(file, Json.toCanonicalBytes(PhysicsConfigDocument.of(config, meta)));
  }
}
