package org.darkflight.pipeline.coord;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.darkflight.io.InputException;
import org.darkflight.io.config.PhysicsConfigFiles;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.pipeline.config.ConfigKeys;
import org.darkflight.pipeline.config.LayeredConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 §3: every [physics] and [integration] key of the layered configuration takes effect
 * in {@code darkflight process} exactly as the same edit of {@code physics_config.json} would,
 * and the model manifest records what was applied. ({@code darkflight run} reads no layered
 * configuration: it takes the JSON files themselves.)
 */
class ConfigTakesEffectTest {

  @TempDir Path tmp;

  /** One edit: the {@code --set} form and the same edit of the JSON file. */
  private record Edit(List<String> sets, Map<String, String> jsonEdits) {
    static Edit of(String key, String toml, String pointer, String json) {
      return new Edit(List.of(key + "=" + toml), Map.of(pointer, json));
    }
  }

  /** An edit of every [physics] and [integration] key (plugin blocks need a plugin installed). */
  private static final Map<String, Edit> EDITS = edits();

  private static Map<String, Edit> edits() {
    Map<String, Edit> m = new LinkedHashMap<>();
    m.put("physics.drag_model", Edit.of("physics.drag_model", "mach_regime", "/drag_model",
        "\"mach_regime\""));
    m.put("physics.cd_scale", Edit.of("physics.cd_scale", "1.2", "/cd_scale", "1.2"));
    m.put("physics.ablation.enabled", new Edit(List.of("physics.ablation.enabled=true",
        "physics.ablation.method=simple"), Map.of("/ablation/enabled", "true",
        "/ablation/method", "\"simple\"")));
    m.put("physics.ablation.method", Edit.of("physics.ablation.method", "simple",
        "/ablation/method", "\"simple\""));
    m.put("physics.ablation.params.k_ab", Edit.of("physics.ablation.params.k_ab", "2.0e-9",
        "/ablation/params/k_ab", "2.0e-9"));
    m.put("physics.ablation.params.sigma", Edit.of("physics.ablation.params.sigma", "2.1e-8",
        "/ablation/params/sigma", "2.1e-8"));
    m.put("physics.ablation.params.Q_star", Edit.of("physics.ablation.params.Q_star", "6.0e6",
        "/ablation/params/Q_star", "6.0e6"));
    m.put("physics.gravity_model", Edit.of("physics.gravity_model", "wgs84_local",
        "/gravity_model", "\"wgs84_local\""));
    m.put("physics.earth_rotation", Edit.of("physics.earth_rotation", "true", "/earth_rotation",
        "true"));
    m.put("physics.ground_altitude_m", Edit.of("physics.ground_altitude_m", "150.5",
        "/ground_altitude_m", "150.5"));
    m.put("physics.legacy", Edit.of("physics.legacy", "fries_v42", "/legacy", "\"fries_v42\""));
    m.put("physics.height_reference", Edit.of("physics.height_reference", "ellipsoid",
        "/height_reference", "\"ellipsoid\""));
    m.put("physics.output_interval_s", Edit.of("physics.output_interval_s", "0.5",
        "/output_interval_s", "0.5"));
    m.put("integration.method", Edit.of("integration.method", "rkf45", "/integration/method",
        "\"rkf45\""));
    m.put("integration.dt_initial_s", Edit.of("integration.dt_initial_s", "0.02",
        "/integration/dt_initial_s", "0.02"));
    m.put("integration.dt_min_s", Edit.of("integration.dt_min_s", "0.001",
        "/integration/dt_min_s", "0.001"));
    m.put("integration.dt_max_s", Edit.of("integration.dt_max_s", "0.1",
        "/integration/dt_max_s", "0.1"));
    m.put("integration.rel_tolerance", Edit.of("integration.rel_tolerance", "1e-8",
        "/integration/rel_tolerance", "1e-8"));
    m.put("integration.abs_tolerance_m", Edit.of("integration.abs_tolerance_m", "0.01",
        "/integration/abs_tolerance_m", "0.01"));
    m.put("integration.max_steps", Edit.of("integration.max_steps", "1000000",
        "/integration/max_steps", "1000000"));
    m.put("integration.max_recorded_points", Edit.of("integration.max_recorded_points", "5000",
        "/integration/max_recorded_points", "5000"));
    return m;
  }

  private static Path raw(Path root) {
    return ProjectFixture.eventDir(root).resolve("raw/physics_config.json");
  }

  /** Makes the JSON edits in the event's physics_config.json. */
  private static void editJson(Path file, Map<String, String> edits) throws Exception {
    ObjectNode tree = (ObjectNode) JsonSchemas.read(file);
    for (Map.Entry<String, String> e : edits.entrySet()) {
      String pointer = e.getKey();
      int slash = pointer.lastIndexOf('/');
      String parent = pointer.substring(0, slash);
      ObjectNode p = tree;
      for (String part : parent.isEmpty() ? new String[0] : parent.substring(1).split("/")) {
        p = p.get(part) instanceof ObjectNode o ? o : p.putObject(part);
      }
      p.set(pointer.substring(slash + 1), Json.mapper().readTree(e.getValue()));
    }
    Files.write(file, Json.toCanonicalBytes(tree));
  }

  private static LayeredConfig config(Path root, List<String> sets) throws InputException {
    return LayeredConfig.resolve(null, root, ProjectFixture.eventDir(root), sets, Map.of());
  }

  @Test
  void everyPhysicsAndIntegrationKeyIsAppliedAsTheSameEditOfTheJson() throws Exception {
    Set<String> known = new TreeSet<>();
    ConfigKeys.keys("physics").forEach(k -> known.add("physics." + k));
    ConfigKeys.keys("integration").forEach(k -> known.add("integration." + k));
    known.remove("physics.plugins[.*]"); // needs an installed plugin; see PluginConfigs tests
    assertThat("every key has an edit here", new TreeSet<>(EDITS.keySet()), equalTo(known));

    Path root = ProjectFixture.copy(tmp.resolve("keys"));
    PhysicsConfig base = PhysicsConfigFiles.read(raw(root));
    Path edited = tmp.resolve("edited.json");
    for (Map.Entry<String, Edit> e : EDITS.entrySet()) {
      Files.copy(raw(root), edited, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      editJson(edited, e.getValue().jsonEdits());
      PhysicsConfig byJson = PhysicsConfigFiles.read(edited);
      StageBodies.EffectivePhysics eff = StageBodies.effectivePhysics(raw(root),
          config(root, e.getValue().sets()));
      PhysicsConfig bySet = eff.config();
      assertThat(e.getKey(), bySet, equalTo(byJson));
      // the effective file S5 reads is the edited file, field for field
      // (as canonical text: the edited tree may hold the same numbers in other node types)
      assertThat(e.getKey(), new String(Json.toCanonicalBytes(eff.tree()),
          java.nio.charset.StandardCharsets.UTF_8), equalTo(new String(
              Json.toCanonicalBytes(JsonSchemas.read(edited)),
              java.nio.charset.StandardCharsets.UTF_8)));
      if (e.getKey().equals("physics.height_reference")) {
        // the ground's datum is read from the file beside the values (RunInputs.read)
        Path effective = tmp.resolve("effective.json");
        Files.write(effective, Json.toCanonicalBytes(eff.tree()));
        assertThat(e.getKey() + " changes the ground's datum",
            PhysicsConfigFiles.groundReference(effective),
            equalTo(org.darkflight.io.geoid.HeightReference.ELLIPSOID));
        assertThat(PhysicsConfigFiles.groundReference(raw(root)),
            equalTo(org.darkflight.io.geoid.HeightReference.MSL));
        continue;
      }
      assertThat(e.getKey() + " changes the configuration", bySet, not(equalTo(base)));
    }
  }

  @Test
  void aKeyThatMakesThePhysicsInvalidIsRefusedBeforeAnyStageRuns() throws Exception {
    Path root = ProjectFixture.copy(tmp);
    InputException e = assertThrows(InputException.class,
        () -> ProjectFixture.process(root, false, "integration.dt_min_s=0.5"));
    assertThat(e.getMessage(), containsString("integration.dt_min_s from --set"));
    assertThat(e.getMessage(), containsString("dt_min_s"));
    assertThat(Files.exists(root.resolve("artifacts")), is(false));
    InputException unknown = assertThrows(InputException.class,
        () -> ProjectFixture.process(root, false, "physics.drag=mach_regime"));
    assertThat(unknown.getMessage(), containsString("unknown configuration key physics.drag;"));
    assertThat(unknown.getMessage(), containsString("drag_model"));
  }

  /** The landing features of a processed event's strewn_field_points. */
  private static JsonNode landings(Path root) throws Exception {
    return JsonSchemas.read(root.resolve("artifacts/synthetic-calm/geo/"
        + "synthetic-calm__strewn_field_points__v1.geojson")).path("features");
  }

  @Test
  void theIssuesOverridesMoveTheLandingsBitIdenticallyToTheEditedJson() throws Exception {
    List<String> sets = List.of("integration.method=rkf45", "physics.drag_model=mach_regime");
    Path plain = ProjectFixture.copy(tmp.resolve("plain"));
    assertThat(ProjectFixture.process(plain, false).succeeded(), is(true));
    Path bySet = ProjectFixture.copy(tmp.resolve("set"));
    assertThat(ProjectFixture.process(bySet, false, sets.toArray(String[]::new)).succeeded(),
        is(true));
    Path byJson = ProjectFixture.copy(tmp.resolve("json"));
    // the project's darkflight.toml sets [integration] method = "rk4" too: the JSON edit is
    // made with that key gone, so that only the file says which integrator to use
    Path toml = byJson.resolve("darkflight.toml");
    Files.writeString(toml, Files.readString(toml).replace("method = \"rk4\"\n", "")
        .replace("drag_model = \"simple_constant\"\n", ""));
    editJson(raw(byJson), Map.of("/integration/method", "\"rkf45\"", "/drag_model",
        "\"mach_regime\""));
    assertThat(ProjectFixture.process(byJson, false).succeeded(), is(true));

    JsonNode set = landings(bySet);
    assertThat(set.size(), is(12));
    assertThat(set, equalTo(landings(byJson)));
    assertThat(set, not(equalTo(landings(plain))));

    // the model manifest records the configuration applied, valid against its schema
    JsonNode mm = JsonSchemas.readValidated(bySet.resolve(
        "artifacts/synthetic-calm/physics/synthetic-calm__model_manifest__v1.json"),
        "model_manifest");
    assertThat(mm.at("/models/drag").asText(), is("mach_regime"));
    assertThat(mm.at("/models/integration").asText(), containsString("RKF45"));
    assertThat(mm.at("/config/physics/drag_model").asText(), is("mach_regime"));
    assertThat(mm.at("/config/integration/method").asText(), is("rkf45"));
    assertThat(mm.at("/config/integration/dt_initial_s").asDouble(), is(0.05));
    assertThat(mm.at("/config/integration/max_steps").asLong(), is(5_000_000L));
    assertThat(mm.at("/config/applied_keys/integration.method").asText(), is("rkf45"));
    assertThat(mm.at("/config/applied_keys/physics.drag_model").asText(), is("mach_regime"));
    JsonNode plainMm = JsonSchemas.readValidated(plain.resolve(
        "artifacts/synthetic-calm/physics/synthetic-calm__model_manifest__v1.json"),
        "model_manifest");
    assertThat(plainMm.at("/models/drag").asText(), is("simple_constant"));
    assertThat(plainMm.at("/config/integration/method").asText(), is("rk4"));
    // the edited-JSON run applied no key of [physics]/[integration] but the file's own
    JsonNode jsonMm = JsonSchemas.read(byJson.resolve(
        "artifacts/synthetic-calm/physics/synthetic-calm__model_manifest__v1.json"));
    assertThat(jsonMm.at("/config/physics"), equalTo(mm.at("/config/physics")));
    assertThat(jsonMm.at("/config/integration"), equalTo(mm.at("/config/integration")));
    List<String> applied = new ArrayList<>();
    jsonMm.at("/config/applied_keys").fieldNames().forEachRemaining(applied::add);
    assertThat(applied.contains("integration.method"), is(false));
  }

  @Test
  void theProjectAndEventFilesWorkLikeTheFlag() throws Exception {
    Path byFiles = ProjectFixture.copy(tmp.resolve("files"));
    Files.writeString(byFiles.resolve("darkflight.toml"), Files.readString(
        byFiles.resolve("darkflight.toml")).replace("[physics]\n",
        "[physics]\ncd_scale = 1.25\nground_altitude_m = 180.0\n"));
    Files.writeString(ProjectFixture.eventDir(byFiles).resolve("override.toml"),
        "[physics]\nearth_rotation = true\n[integration]\ndt_initial_s = 0.02\n");
    assertThat(ProjectFixture.process(byFiles, false).succeeded(), is(true));
    Path byJson = ProjectFixture.copy(tmp.resolve("json"));
    editJson(raw(byJson), Map.of("/cd_scale", "1.25", "/ground_altitude_m", "180.0",
        "/earth_rotation", "true", "/integration/dt_initial_s", "0.02"));
    Path toml = byJson.resolve("darkflight.toml");
    Files.writeString(toml, Files.readString(toml).replace("dt_initial_s = 0.05\n", ""));
    assertThat(ProjectFixture.process(byJson, false).succeeded(), is(true));
    assertThat(landings(byFiles), equalTo(landings(byJson)));
    JsonNode first = landings(byFiles).get(0).path("geometry").path("coordinates");
    Path plain = ProjectFixture.copy(tmp.resolve("plain"));
    ProjectFixture.process(plain, false);
    assertThat(first, not(equalTo(landings(plain).get(0).path("geometry").path("coordinates"))));
  }
}
