package org.darkflight.pipeline.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.darkflight.io.InputException;
import org.darkflight.pipeline.config.LayeredConfig.Change;
import org.darkflight.pipeline.config.LayeredConfig.Layer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The precedence table of docs/operations.md, layer by layer. */
class LayeredConfigTest {

  @TempDir Path root;
  Path event;

  @BeforeEach
  void layers() throws IOException {
    Files.createDirectories(root.resolve("profiles"));
    Files.writeString(root.resolve("profiles/p.toml"),
        "[ensemble]\nsamples = 10\nrandom_seed = 1\n");
    Files.writeString(root.resolve("darkflight.toml"),
        "[ensemble]\nsamples = 12\n[output]\nkml_generate = false\n");
    event = Files.createDirectories(root.resolve("data/events/e1"));
    Files.writeString(event.resolve("override.toml"), "[ensemble]\nsamples = 14\n");
  }

  private static int samples(LayeredConfig c) {
    return c.resolved().path("ensemble").path("samples").asInt(-1);
  }

  @Test
  void eachLayerOverridesTheOnesBelow() throws Exception {
    LayeredConfig all = LayeredConfig.resolve("p", root, event, List.of("ensemble.samples=16"),
        Map.of());
    assertThat(samples(all), is(16));
    assertThat(all.origin().get("ensemble.samples"), is(Layer.CLI));

    LayeredConfig noCli = LayeredConfig.resolve("p", root, event, List.of(), Map.of());
    assertThat(samples(noCli), is(14));
    assertThat(noCli.origin().get("ensemble.samples"), is(Layer.EVENT));

    Files.delete(event.resolve("override.toml"));
    LayeredConfig noEvent = LayeredConfig.resolve("p", root, event, List.of(), Map.of());
    assertThat(samples(noEvent), is(12));
    assertThat(noEvent.origin().get("ensemble.samples"), is(Layer.PROJECT));

    Files.delete(root.resolve("darkflight.toml"));
    LayeredConfig noProject = LayeredConfig.resolve("p", root, event, List.of(), Map.of());
    assertThat(samples(noProject), is(10));
    assertThat(noProject.origin().get("ensemble.samples"), is(Layer.PROFILE));

    LayeredConfig defaultsOnly = LayeredConfig.resolve(null, root, event, List.of(), Map.of());
    assertThat(samples(defaultsOnly), is(-1));
    // [physics]/[integration]/[ensemble] have no built-in values: the event's JSON is their base
    // (a built-in integration.method = "rk4" would have replaced every event's integrator)
    assertThat(defaultsOnly.resolved().has("integration"), is(false));
    assertThat(defaultsOnly.resolved().has("physics"), is(false));
    assertThat(defaultsOnly.resolved().path("output").path("geo_precision_decimals").asInt(),
        is(6));
    assertThat(defaultsOnly.origin().get("output.geo_precision_decimals"), is(Layer.DEFAULTS));
    assertThat(defaultsOnly.overrides(), hasSize(0));
  }

  @Test
  void keysNotOverriddenKeepTheirLowerLayer() throws Exception {
    LayeredConfig c = LayeredConfig.resolve("p", root, event, List.of("ensemble.samples=16"),
        Map.of());
    assertThat(c.resolved().path("ensemble").path("random_seed").asLong(), is(1L));
    assertThat(c.origin().get("ensemble.random_seed"), is(Layer.PROFILE));
    assertThat(c.resolved().path("output").path("kml_generate").asBoolean(), is(false));
    assertThat(c.origin().get("output.kml_generate"), is(Layer.PROJECT));
    assertThat(c.resolved().path("output").path("geojson_generate").asBoolean(), is(true));
    assertThat(c.origin().get("output.geojson_generate"), is(Layer.DEFAULTS));
  }

  @Test
  void theDiffRecordsEveryOverrideWithThePreviousValue() throws Exception {
    LayeredConfig c = LayeredConfig.resolve("p", root, event, List.of("ensemble.samples=16"),
        Map.of());
    List<Change> samples = c.overrides().stream().filter(x -> x.key().equals("ensemble.samples"))
        .toList();
    assertThat(samples.stream().map(Change::layer).toList(),
        equalTo(List.of(Layer.PROFILE, Layer.PROJECT, Layer.EVENT, Layer.CLI)));
    assertThat(samples.get(0).previous(), nullValue());
    assertThat(samples.get(1).previous().asInt(), is(10));
    assertThat(samples.get(1).previousLayer(), is(Layer.PROFILE));
    assertThat(samples.get(3).previous().asInt(), is(14));
    assertThat(samples.get(3).value().asInt(), is(16));
    Change kml = c.overrides().stream().filter(x -> x.key().equals("output.kml_generate"))
        .findFirst().orElseThrow();
    assertThat(kml.previous().asBoolean(), is(true));
    assertThat(kml.previousLayer(), is(Layer.DEFAULTS));
  }

  @Test
  void theProfileComesFromTheEnvironmentWhenNoFlagIsGiven() throws Exception {
    LayeredConfig env = LayeredConfig.resolve(null, root, null, List.of(),
        Map.of(LayeredConfig.PROFILE_ENV, "p"));
    assertThat(env.origin().get("ensemble.random_seed"), is(Layer.PROFILE));
    LayeredConfig builtIn = LayeredConfig.resolve("ci", root, null, List.of(),
        Map.of(LayeredConfig.PROFILE_ENV, "p"));
    assertThat(builtIn.resolved().path("ensemble").path("samples_per_element").asInt(), is(100));
    assertThat(builtIn.resolved().path("ensemble").has("random_seed"), is(false));
    InputException e = assertThrows(InputException.class,
        () -> LayeredConfig.resolve("nope", root, null, List.of(), Map.of()));
    assertThat(e.getMessage(), containsString("unknown profile"));
  }

  @Test
  void cliValuesAreTomlLiteralsOrBareStrings() throws Exception {
    LayeredConfig c = LayeredConfig.resolve(null, root, null,
        List.of("ensemble.samples=24", "integration.method=euler", "output.kml_generate=false",
            "physics.cd_scale=1.1"), Map.of());
    assertThat(c.resolved().path("ensemble").path("samples").isIntegralNumber(), is(true));
    assertThat(c.resolved().path("integration").path("method").asText(), is("euler"));
    assertThat(c.resolved().path("output").path("kml_generate").isBoolean(), is(true));
    assertThat(c.resolved().path("physics").path("cd_scale").asDouble(), is(1.1));
    assertThrows(InputException.class,
        () -> LayeredConfig.resolve(null, root, null, List.of("=3"), Map.of()));
  }

  @Test
  void theSpecSampleConfigIsAcceptedWithoutItsCdBase() throws Exception {
    Path project = Path.of("").toAbsolutePath();
    while (!Files.isRegularFile(project.resolve("testdata/project/darkflight.toml"))) {
      project = project.getParent();
    }
    LayeredConfig c = LayeredConfig.resolve(null, project.resolve("testdata/project"), null,
        List.of(), Map.of());
    assertThat(c.resolved().path("physics").path("ablation").path("enabled").asBoolean(true),
        is(false));
    assertThat(c.resolved().path("integration").path("dt_min_s").asDouble(), is(0.005));
    assertThat(c.resolved().path("ensemble").path("random_seed").asLong(), is(123456L));
    assertThat(c.resolved().path("ensemble").path("mode").asText(), is("mass_grid"));
    assertThat(c.origin().get("ensemble.samples"), is(Layer.PROJECT));
  }

  @Test
  void theConfigHashDependsOnlyOnTheNamedSections() throws Exception {
    LayeredConfig a = LayeredConfig.resolve(null, root, null, List.of("ensemble.samples=3"),
        Map.of());
    LayeredConfig b = LayeredConfig.resolve(null, root, null, List.of("ensemble.samples=4"),
        Map.of());
    assertThat(a.hash(List.of("physics", "integration")),
        is(b.hash(List.of("physics", "integration"))));
    assertThat(a.hash(List.of("ensemble")), not(b.hash(List.of("ensemble"))));
  }

  @Test
  void anUnknownKeyIsRefusedInOneLineNamingTheKnownKeysAndWhereItWasSet() throws Exception {
    InputException cli = assertThrows(InputException.class, () -> LayeredConfig.resolve(null,
        root, null, List.of("physics.cd_base=1.3"), Map.of()));
    assertThat(cli.getMessage().lines().count(), is(1L));
    assertThat(cli.getMessage(), containsString("--set"));
    assertThat(cli.getMessage(), containsString("unknown configuration key physics.cd_base"));
    for (String known : List.of("drag_model", "cd_scale", "ablation.enabled",
        "ablation.params.sigma", "gravity_model", "earth_rotation", "ground_altitude_m",
        "legacy", "output_interval_s")) {
      assertThat(cli.getMessage(), containsString(known));
    }
    Files.writeString(event.resolve("override.toml"), "[integration]\nmethd = \"rkf45\"\n");
    InputException file = assertThrows(InputException.class,
        () -> LayeredConfig.resolve(null, root, event, List.of(), Map.of()));
    assertThat(file.getMessage(), containsString(event.resolve("override.toml").toString()));
    assertThat(file.getMessage(), containsString("integration.methd"));
    assertThat(file.getMessage(), containsString("method, dt_initial_s, dt_min_s, dt_max_s"));
    InputException section = assertThrows(InputException.class, () -> LayeredConfig.resolve(
        null, root, null, List.of("outptu.kml_generate=false"), Map.of()));
    assertThat(section.getMessage(), containsString(
        "unknown configuration section [outptu]; known sections: physics, integration, "
        + "ensemble, output, run"));
    InputException nested = assertThrows(InputException.class, () -> LayeredConfig.resolve(
        null, root, null, List.of("ensemble.distributions.cd.sigma=0.1"), Map.of()));
    assertThat(nested.getMessage(), containsString("ensemble.distributions.cd.sigma"));
    // open tables take any key: plugin blocks by plugin name
    LayeredConfig plugins = LayeredConfig.resolve(null, root, null,
        List.of("physics.plugins.my_drag.k=2", "ensemble.distributions.cd.params.sigma=0.1"),
        Map.of());
    assertThat(plugins.section("physics").at("/plugins/my_drag/k").asInt(), is(2));
  }

  @Test
  void outputAndRunValuesAreCheckedWhenResolved() throws Exception {
    LayeredConfig five = LayeredConfig.resolve(null, root, null,
        List.of("output.geo_precision_decimals=5", "output.geojson_generate=false"), Map.of());
    assertThat(five.output().geoPrecisionDecimals(), is(5));
    assertThat(five.output().geojson(), is(false));
    assertThat(five.output().kml(), is(false)); // darkflight.toml of the fixture
    for (String bad : List.of("output.geo_precision_decimals=4",
        "output.geo_precision_decimals=7", "output.geo_precision_decimals=5.5",
        "output.kml_generate=no", "output.geojson_generate=1", "run.target_parallelism=0",
        "run.max_failure_share=1.5", "run.max_failure_share=all")) {
      InputException e = assertThrows(InputException.class,
          () -> LayeredConfig.resolve(null, root, null, List.of(bad), Map.of()), bad);
      assertThat(bad, e.getMessage(), containsString(bad.substring(0, bad.indexOf('='))));
      assertThat(e.getMessage().lines().count(), is(1L));
    }
  }

  @Test
  void theKeysEditThePhysicsAndEnsembleFilesFieldByField() throws Exception {
    LayeredConfig c = LayeredConfig.resolve(null, root, null, List.of(
        "physics.ablation.enabled=true", "integration.method=rkf45", "physics.cd_scale=1.2",
        "ensemble.distributions.cd.params.sigma=0.1"), Map.of());
    com.fasterxml.jackson.databind.JsonNode physics = org.darkflight.io.json.Json.mapper()
        .readTree("{\"drag_model\": \"simple_constant\", \"ablation\": {\"enabled\": false,"
            + " \"method\": \"simple\"}, \"integration\": {\"method\": \"rk4\","
            + " \"dt_initial_s\": 0.05}}");
    com.fasterxml.jackson.databind.JsonNode edited = c.applyToPhysicsConfig(physics);
    assertThat(edited.at("/ablation/enabled").asBoolean(), is(true));
    assertThat(edited.at("/ablation/method").asText(), is("simple"));
    assertThat(edited.at("/integration/method").asText(), is("rkf45"));
    assertThat(edited.at("/integration/dt_initial_s").asDouble(), is(0.05));
    assertThat(edited.at("/cd_scale").asDouble(), is(1.2));
    assertThat(physics.at("/integration/method").asText(), is("rk4")); // the input is not changed
    com.fasterxml.jackson.databind.JsonNode ensemble = c.applyToEnsembleConfig(
        org.darkflight.io.json.Json.mapper().readTree("{\"samples\": 16, \"distributions\":"
            + " {\"cd\": {\"dist\": \"normal\", \"params\": {\"sigma\": 0.05}}}}"));
    assertThat(ensemble.at("/distributions/cd/dist").asText(), is("normal"));
    assertThat(ensemble.at("/distributions/cd/params/sigma").asDouble(), is(0.1));
    assertThat(ensemble.at("/samples").asInt(), is(12)); // darkflight.toml of the fixture
  }
}
