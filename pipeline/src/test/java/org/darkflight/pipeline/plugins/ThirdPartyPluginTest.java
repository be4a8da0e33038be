package org.darkflight.pipeline.plugins;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.darkflight.io.InputException;
import org.darkflight.io.atmos.source.AtmosphericSource;
import org.darkflight.io.config.PhysicsConfigFiles;
import org.darkflight.io.json.Json;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.atmosphere.StandardAtmosphere1976;
import org.darkflight.physics.models.PhysicsModels;
import org.darkflight.physics.models.PhysicsPlugins;
import org.darkflight.physics.plugin.PluginFailureException;
import org.darkflight.physics.plugin.PluginKind;
import org.darkflight.physics.trajectory.Landing;
import org.darkflight.pipeline.cli.DarkflightCli;
import org.darkflight.analysis.ensemble.PhysicsLandingSimulator;
import org.darkflight.analysis.plugins.PluginInfo;
import org.darkflight.analysis.plugins.PluginRegistry;
import org.darkflight.io.PluginWarnings;
import org.darkflight.analysis.sampling.MonteCarloSampling;
import org.darkflight.analysis.sampling.SamplingStrategies;
import org.darkflight.analysis.sampling.SamplingStrategy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Plugin compatibility tests (spec §12 item 7): a third-party jar is compiled and packed during
 * the test, put in a class loader the way the CLI does for DARKFLIGHT_PLUGIN_PATH, and then
 * discovered, listed, selected by name, its configuration validated, and its failures handled by
 * criticality.
 */
class ThirdPartyPluginTest {

  static final String DRAG = "package org.acme;\n"
      + "import java.util.List;\n"
      + "import java.util.regex.Matcher;\n"
      + "import java.util.regex.Pattern;\n"
      + "import org.darkflight.physics.drag.DragModel;\n"
      + "import org.darkflight.physics.drag.DragModelProvider;\n"
      + "import org.darkflight.physics.plugin.PluginManifest;\n"
      + "public final class ConstantCdDrag implements DragModelProvider {\n"
      + "  public PluginManifest manifest() {\n"
      + "    return new PluginManifest(\"acme-constant-cd\", \"0.3.1\", List.of(\"DragModel\"),\n"
      + "        \"org/acme/constant-cd.schema.json\");\n"
      + "  }\n"
      + "  public DragModel create(String json) {\n"
      + "    Matcher m = Pattern.compile(\"\\\"cd\\\"\\\\s*:\\\\s*([-+0-9.eE]+)\").matcher(json);\n"
      + "    if (!m.find()) { throw new IllegalArgumentException(\"no cd in \" + json); }\n"
      + "    double cd = Double.parseDouble(m.group(1));\n"
      + "    return (mach, reynolds, fragment) -> cd;\n"
      + "  }\n"
      + "}\n";

  static final String DRAG_SCHEMA = "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\","
      + " \"type\": \"object\", \"required\": [\"cd\"], \"additionalProperties\": false,"
      + " \"properties\": {\"cd\": {\"type\": \"number\", \"minimum\": 0, \"maximum\": 3}}}";

  static final String THROWING_DRAG = "package org.acme;\n"
      + "import java.util.List;\n"
      + "import org.darkflight.physics.drag.DragModel;\n"
      + "import org.darkflight.physics.drag.DragModelProvider;\n"
      + "import org.darkflight.physics.plugin.PluginManifest;\n"
      + "public final class ThrowingDrag implements DragModelProvider {\n"
      + "  public PluginManifest manifest() {\n"
      + "    return new PluginManifest(\"acme-throwing-drag\", \"1.0\", List.of(\"DragModel\"),"
      + " null);\n"
      + "  }\n"
      + "  public DragModel create(String json) {\n"
      + "    return (mach, reynolds, fragment) -> {\n"
      + "      throw new ArithmeticException(\"cd exploded\");\n"
      + "    };\n"
      + "  }\n"
      + "}\n";

  static final String BROKEN_SONDE = "package org.acme;\n"
      + "import java.nio.file.Path;\n"
      + "import java.util.List;\n"
      + "import org.darkflight.io.atmos.source.*;\n"
      + "import org.darkflight.physics.plugin.PluginManifest;\n"
      + "public final class BrokenSonde implements AtmosphericSource {\n"
      + "  public PluginManifest manifest() {\n"
      + "    return new PluginManifest(\"acme-broken-sonde\", \"0.1\","
      + " List.of(\"AtmosphericSource\"), null);\n"
      + "  }\n"
      + "  public SourceKind kind() { return SourceKind.RADIOSONDE; }\n"
      + "  public boolean accepts(Path file) {"
      + " return file.getFileName().toString().endsWith(\".acme\"); }\n"
      + "  public AtmosphericRaw load(Path file, SourceRequest request) {\n"
      + "    throw new IllegalStateException(\"boom in \" + file.getFileName());\n"
      + "  }\n"
      + "}\n";

  static final String BROKEN_SAMPLING = "package org.acme;\n"
      + "import org.darkflight.analysis.sampling.SamplingStrategy;\n"
      + "public final class BrokenSampling implements SamplingStrategy {\n"
      + "  private static final long serialVersionUID = 1L;\n"
      + "  public String name() { return \"acme-broken-sampling\"; }\n"
      + "  public void unitDraws(long seed, long index, long total, double[] out) {\n"
      + "    throw new UnsupportedOperationException(\"no draws today\");\n"
      + "  }\n"
      + "}\n";

  @TempDir
  static Path jars;

  static Path jar;
  static URLClassLoader loader;

  @BeforeAll
  static void buildPluginJar() throws IOException {
    jar = new PluginJar()
        .against(PhysicsConfig.class, AtmosphericSource.class, SamplingStrategy.class)
        .source("org.acme.ConstantCdDrag", DRAG)
        .source("org.acme.ThrowingDrag", THROWING_DRAG)
        .source("org.acme.BrokenSonde", BROKEN_SONDE)
        .source("org.acme.BrokenSampling", BROKEN_SAMPLING)
        .resource("org/acme/constant-cd.schema.json", DRAG_SCHEMA)
        .resource("META-INF/services/org.darkflight.physics.drag.DragModelProvider",
            "org.acme.ConstantCdDrag\norg.acme.ThrowingDrag\n")
        .resource("META-INF/services/org.darkflight.io.atmos.source.AtmosphericSource",
            "org.acme.BrokenSonde\n")
        .resource("META-INF/services/org.darkflight.analysis.sampling.SamplingStrategy",
            "org.acme.BrokenSampling\n")
        .build(jars, "acme-darkflight-plugins.jar");
    loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
        ThirdPartyPluginTest.class.getClassLoader());
  }

  @AfterAll
  static void closeLoader() throws IOException {
    loader.close();
  }

  /** Runs {@code body} with the plugin jar in the context class loader, as the CLI does. */
  static <T> T withPlugins(Callable<T> body) throws Exception {
    Thread t = Thread.currentThread();
    ClassLoader before = t.getContextClassLoader();
    t.setContextClassLoader(loader);
    try {
      return body.call();
    } finally {
      t.setContextClassLoader(before);
    }
  }

  record Run(int code, String out, String err) {}

  static Run cli(String... args) throws Exception {
    return withPlugins(() -> {
      CommandLine cl = DarkflightCli.commandLine();
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      cl.setOut(new PrintWriter(out));
      cl.setErr(new PrintWriter(err));
      int code = cl.execute(args);
      return new Run(code, out.toString(), err.toString());
    });
  }

  static Path testdata(String relative) {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path c = p.resolve("testdata").resolve(relative);
      if (Files.exists(c)) {
        return c;
      }
    }
    throw new IllegalStateException("testdata/" + relative);
  }

  /** A physics_config.json with the given drag model and plugins block. */
  static Path physicsConfig(Path dir, String dragModel, String pluginsBlock) throws IOException {
    Files.createDirectories(dir);
    Path f = Files.createTempFile(dir, "physics_config", ".json");
    Files.writeString(f, "{\"$schema\": \"https://darkflight.org/schemas/physics_config.schema"
        + ".json\", \"drag_model\": \"" + dragModel + "\", \"ablation\": {\"enabled\": false},"
        + " \"gravity_model\": \"constant\", \"integration\": {\"method\": \"rk4\","
        + " \"dt_initial_s\": 0.01, \"dt_min_s\": 0.001, \"dt_max_s\": 0.1}"
        + (pluginsBlock == null ? "" : ", \"plugins\": " + pluginsBlock) + "}");
    return f;
  }

  @Test
  void theJarsPluginsAreDiscoveredWithBuiltInsAndCriticalityByKind() throws Exception {
    List<PluginInfo> all = withPlugins(() -> PluginRegistry.discover().all());
    List<String> names = all.stream().map(i -> i.kind().interfaceName() + "/"
        + i.manifest().name()).toList();
    for (String expected : List.of("DragModel/acme-constant-cd", "DragModel/acme-throwing-drag",
        "AtmosphericSource/acme-broken-sonde", "SamplingStrategy/acme-broken-sampling",
        "DragModel/mach_regime", "DragModel/simple_constant", "DragModel/reynolds_curve",
        "AblationModel/classical", "AblationModel/simple", "Integrator/rk4", "Integrator/rkf45",
        "Integrator/semi_implicit", "SamplingStrategy/monte_carlo",
        "SamplingStrategy/latin_hypercube", "AtmosFusionStrategy/default-atmos-fusion",
        "AtmosphericSource/radiosonde-uwyo")) {
      assertThat(names, hasItem(expected));
    }
    PluginInfo drag = all.stream().filter(i -> i.manifest().name().equals("acme-constant-cd"))
        .findFirst().orElseThrow();
    assertThat(drag.critical(), is(true));
    assertThat(drag.source(), equalTo(jar.toString()));
    assertThat(drag.manifest().version(), equalTo("0.3.1"));
    PluginInfo sonde = all.stream().filter(i -> i.manifest().name().equals("acme-broken-sonde"))
        .findFirst().orElseThrow();
    assertThat(sonde.critical(), is(false));
    PluginInfo rk4 = all.stream().filter(i -> i.manifest().name().equals("rk4")).findFirst()
        .orElseThrow();
    assertThat(rk4.source(), equalTo(PluginInfo.BUILT_IN));
    // without the jar none of its plugins is seen
    assertThat(PluginRegistry.discover().all().stream().map(i -> i.manifest().name()).toList(),
        not(hasItem("acme-constant-cd")));
  }

  @Test
  void darkflightPluginsListsTheJarAsTableAndJson() throws Exception {
    Run table = cli("plugins");
    assertThat(table.err(), table.code(), is(0));
    String line = table.out().lines().filter(l -> l.contains("acme-constant-cd")).findFirst()
        .orElseThrow();
    assertThat(line, containsString("DragModel"));
    assertThat(line, containsString("0.3.1"));
    assertThat(line, containsString(" yes "));
    assertThat(line, endsWith(jar.toString()));
    assertThat(table.out().lines().findFirst().orElseThrow(), containsString("CRITICAL"));

    Run json = cli("plugins", "--json");
    assertThat(json.err(), json.code(), is(0));
    JsonNode arr = Json.mapper().readTree(json.out());
    JsonNode hit = null;
    JsonNode sonde = null;
    for (JsonNode n : arr) {
      if (n.get("name").asText().equals("acme-constant-cd")) {
        hit = n;
      }
      if (n.get("name").asText().equals("acme-broken-sonde")) {
        sonde = n;
      }
    }
    assertThat(hit.get("kind").asText(), equalTo("DragModel"));
    assertThat(hit.get("provides").get(0).asText(), equalTo("DragModel"));
    assertThat(hit.get("config_schema").asText(), equalTo("org/acme/constant-cd.schema.json"));
    assertThat(hit.get("critical").asBoolean(), is(true));
    assertThat(hit.get("source").asText(), equalTo(jar.toString()));
    assertThat(sonde.get("critical").asBoolean(), is(false));
  }

  @Test
  void aDragPluginWithCdZeroGivesTheVacuumBallisticLanding() throws Exception {
    PhysicsConfig vacuum = withPlugins(() -> PhysicsConfigFiles.read(
        physicsConfig(jars.resolve("cfg"), "acme-constant-cd", "{\"acme-constant-cd\": "
            + "{\"cd\": 0}}")));
    assertThat(vacuum.plugins().dragModel(), equalTo("acme-constant-cd"));
    // horizontal start at 1000 m, 100 m/s east, no wind (USSA76), constant g, no rotation
    LuminousEnd start = new LuminousEnd(Instant.parse("2020-01-01T00:00:00Z"), 45.0, 10.0,
        1000.0, 100.0, 90.0, 0.0);
    Fragment stone = new Fragment("f", 1.0, 3500.0, 1.0, 1.0);
    Landing l = withPlugins(() -> PhysicsModels.simulator(StandardAtmosphere1976.INSTANCE,
        vacuum).land(start, stone));
    // closed form in vacuum: t = sqrt(2h/g), x = v t (ellipsoid curvature adds < 0.2 m here)
    double g = 9.80665;
    double t = Math.sqrt(2 * 1000.0 / g);
    assertThat(l.fallTimeS(), closeTo(t, 0.01));
    assertThat(l.driftDistanceM(), closeTo(100.0 * t, 1.0));
    assertThat(l.impactSpeedMps(), closeTo(Math.sqrt(100.0 * 100.0 + 2 * g * 1000.0), 0.05));

    // the built-in simple_constant with Cd = 1 falls much shorter ...
    PhysicsConfig builtIn = PhysicsConfigFiles.read(physicsConfig(jars.resolve("cfg"),
        "simple_constant", null));
    Landing withDrag = PhysicsModels.simulator(StandardAtmosphere1976.INSTANCE, builtIn)
        .land(start, stone);
    assertThat(withDrag.driftDistanceM(), lessThan(0.9 * l.driftDistanceM()));
    // ... and the plugin with cd = 1 reproduces it: the plugin, not a default, flies
    PhysicsConfig one = withPlugins(() -> PhysicsConfigFiles.read(physicsConfig(
        jars.resolve("cfg"), "acme-constant-cd", "{\"acme-constant-cd\": {\"cd\": 1.0}}")));
    Landing pluginOne = withPlugins(() -> PhysicsModels.simulator(
        StandardAtmosphere1976.INSTANCE, one).land(start, stone));
    assertThat(pluginOne.latitudeDeg(), closeTo(withDrag.latitudeDeg(), 1e-12));
    assertThat(pluginOne.longitudeDeg(), closeTo(withDrag.longitudeDeg(), 1e-12));
  }

  @Test
  void aBadPluginConfigNamesThePluginTheFieldAndTheReason() throws Exception {
    Path dir = jars.resolve("bad");
    InputException negative = assertThrows(InputException.class, () -> withPlugins(() ->
        PhysicsConfigFiles.read(physicsConfig(dir, "acme-constant-cd",
            "{\"acme-constant-cd\": {\"cd\": -1}}"))));
    assertThat(negative.field(), equalTo("/plugins/acme-constant-cd/cd"));
    assertThat(negative.getMessage(), containsString("plugin 'acme-constant-cd'"));
    assertThat(negative.getMessage(), containsString("0"));

    InputException missing = assertThrows(InputException.class, () -> withPlugins(() ->
        PhysicsConfigFiles.read(physicsConfig(dir, "acme-constant-cd", null))));
    assertThat(missing.field(), equalTo("/plugins/acme-constant-cd/cd"));
    assertThat(missing.getMessage(), containsString("plugin 'acme-constant-cd'"));

    InputException unknown = assertThrows(InputException.class, () -> withPlugins(() ->
        PhysicsConfigFiles.read(physicsConfig(dir, "acme-constnt-cd", null))));
    assertThat(unknown.field(), equalTo("/drag_model"));
    assertThat(unknown.getMessage(), containsString("acme-constnt-cd"));
    assertThat(unknown.getMessage(), containsString("acme-constant-cd"));
    assertThat(unknown.getMessage(), containsString("mach_regime"));

    InputException stray = assertThrows(InputException.class, () -> withPlugins(() ->
        PhysicsConfigFiles.read(physicsConfig(dir, "mach_regime",
            "{\"acme-constant-cd\": {\"cd\": 1}}"))));
    assertThat(stray.field(), equalTo("/plugins/acme-constant-cd"));

    InputException noConfig = assertThrows(InputException.class, () -> withPlugins(() ->
        PhysicsConfigFiles.read(physicsConfig(dir, "acme-throwing-drag",
            "{\"acme-throwing-drag\": {\"x\": 1}}"))));
    assertThat(noConfig.getMessage(), containsString("takes no configuration"));
    // without the jar, the plugin name is unknown
    InputException absent = assertThrows(InputException.class, () -> PhysicsConfigFiles.read(
        physicsConfig(dir, "acme-constant-cd", "{\"acme-constant-cd\": {\"cd\": 1}}")));
    assertThat(absent.field(), equalTo("/drag_model"));
  }

  @Test
  void aThrowingCriticalPluginStopsTheRunWithOneClearLineAndWritesNothing() throws Exception {
    Path cfg = physicsConfig(jars.resolve("crit"), "acme-throwing-drag", null);
    PluginFailureException e = assertThrows(PluginFailureException.class,
        () -> withPlugins(() -> PhysicsConfigFiles.read(cfg)));
    assertThat(e.kind(), is(PluginKind.DRAG_MODEL));
    assertThat(e.getMessage(), containsString("cd exploded"));

    String d = "events/synthetic-calm/";
    Path out = jars.resolve("crit-out");
    Run r = cli("trajectory", "--event", testdata(d + "event.json").toString(), "--fragments",
        testdata(d + "fragments.json").toString(), "--atmos",
        testdata(d + "atmos_profile.json").toString(), "--config", cfg.toString(), "--out",
        out.toString());
    assertThat(r.code(), is(DarkflightCli.EXIT_FAILURE));
    assertThat(r.err().strip().lines().count(), is(1L));
    assertThat(r.err(), containsString("DragModel plugin 'acme-throwing-drag' failed"));
    assertThat(r.err(), containsString("ArithmeticException: cd exploded"));
    assertThat(r.err(), containsString("critical"));
    assertThat(regularFiles(out), is(0L));
  }

  @Test
  void theTrajectoryCommandFliesASelectedPlugin() throws Exception {
    String d = "events/synthetic-calm/";
    Path out = jars.resolve("traj-out");
    Path cfg = physicsConfig(jars.resolve("traj"), "acme-constant-cd",
        "{\"acme-constant-cd\": {\"cd\": 0.5}}");
    Run r = cli("trajectory", "--event", testdata(d + "event.json").toString(), "--fragments",
        testdata(d + "fragments.json").toString(), "--atmos",
        testdata(d + "atmos_profile.json").toString(), "--config", cfg.toString(), "--out",
        out.toString());
    assertThat(r.err(), r.code(), is(0));
    assertThat(regularFiles(out) > 0, is(true));
  }

  @Test
  void aThrowingAtmosphericSourceIsDisabledAndTheOthersFuseWithAWarning() throws Exception {
    Path bad = jars.resolve("sonde.acme");
    Files.writeString(bad, "not a sounding");
    Path out = jars.resolve("atmos-out");
    PluginWarnings.drain();
    Run r = cli("atmos", "--event", testdata("events/park-forest-2003/event.json").toString(),
        "--sonde", testdata("atmos/uwyo_74560_2003032700.html").toString(),
        "--sonde", bad.toString(), "--out", out.toString());
    assertThat(r.err(), r.code(), is(0));
    List<String> warnings = PluginWarnings.drain();
    assertThat(warnings.size(), is(1));
    assertThat(warnings.get(0), containsString("AtmosphericSource plugin 'acme-broken-sonde'"));
    assertThat(warnings.get(0), containsString("IllegalStateException: boom in sonde.acme"));
    assertThat(Files.isRegularFile(out.resolve("atmos_profile.json")), is(true));

    // with nothing else to fuse, the command stops instead of inventing an atmosphere
    Path out2 = jars.resolve("atmos-out2");
    Run alone = cli("atmos", "--event", testdata("events/park-forest-2003/event.json")
        .toString(), "--sonde", bad.toString(), "--out", out2.toString());
    assertThat(alone.code(), is(DarkflightCli.EXIT_BAD_INPUT));
    assertThat(alone.err(), containsString("every atmospheric source plugin failed"));
    assertThat(regularFiles(out2), is(0L));
  }

  @Test
  void aThrowingSamplingPluginIsReplacedByTheMonteCarloBaselineWithAWarning() throws Exception {
    PluginWarnings.drain();
    SamplingStrategy s = withPlugins(() -> SamplingStrategies.byName("acme-broken-sampling"));
    assertThat(s, instanceOf(MonteCarloSampling.class));
    List<String> warnings = PluginWarnings.drain();
    assertThat(warnings.size(), is(1));
    assertThat(warnings.get(0), containsString("'acme-broken-sampling'"));
    assertThat(warnings.get(0), containsString("UnsupportedOperationException: no draws today"));
    // the baseline's draws are the Monte Carlo ones
    double[] a = new double[4];
    double[] b = new double[4];
    s.unitDraws(7L, 3L, 10L, a);
    new MonteCarloSampling().unitDraws(7L, 3L, 10L, b);
    assertThat(a, equalTo(b));
  }

  @Test
  void twoPluginsWithOneNameAreRejected() throws Exception {
    Path dup = new PluginJar().against(PhysicsConfig.class)
        .source("org.shadow.Shadow", "package org.shadow;\n"
            + "import java.util.List;\n"
            + "import org.darkflight.physics.drag.*;\n"
            + "import org.darkflight.physics.plugin.PluginManifest;\n"
            + "public final class Shadow implements DragModelProvider {\n"
            + "  public PluginManifest manifest() {\n"
            + "    return new PluginManifest(\"mach_regime\", \"9\", List.of(\"DragModel\"), null);\n"
            + "  }\n"
            + "  public DragModel create(String json) { return (m, r, f) -> 1.0; }\n"
            + "}\n")
        .resource("META-INF/services/org.darkflight.physics.drag.DragModelProvider",
            "org.shadow.Shadow\n")
        .build(jars, "shadow.jar");
    try (URLClassLoader l = new URLClassLoader(new URL[] {dup.toUri().toURL()},
        ThirdPartyPluginTest.class.getClassLoader())) {
      Thread t = Thread.currentThread();
      ClassLoader before = t.getContextClassLoader();
      t.setContextClassLoader(l);
      try {
        IllegalStateException e = assertThrows(IllegalStateException.class,
            PluginRegistry::discover);
        assertThat(e.getMessage(), containsString("2 DragModel plugins are named 'mach_regime'"));
        assertThat(e.getMessage(), containsString("org.shadow.Shadow"));
        assertThat(e.getMessage(), containsString("MachRegime"));
        IllegalArgumentException byName = assertThrows(IllegalArgumentException.class,
            () -> PhysicsPlugins.dragModelProvider("mach_regime"));
        assertThat(byName.getMessage(), containsString("org.shadow.Shadow"));
      } finally {
        t.setContextClassLoader(before);
      }
    }
  }

  @Test
  void thePluginSelectionTravelsToBeamWorkers() throws Exception {
    PhysicsConfig cfg = withPlugins(() -> PhysicsConfigFiles.read(physicsConfig(
        jars.resolve("ser"), "acme-constant-cd", "{\"acme-constant-cd\": {\"cd\": 0.25}}")));
    PhysicsLandingSimulator sim = new PhysicsLandingSimulator(cfg);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream o = new java.io.ObjectOutputStream(bytes)) {
      o.writeObject(sim);
    }
    PhysicsLandingSimulator back;
    try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
        new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      back = (PhysicsLandingSimulator) in.readObject();
    }
    assertThat(back.config().plugins().dragModel(), equalTo("acme-constant-cd"));
    assertThat(back.config().plugins().dragConfigJson(), containsString("0.25"));
  }

  static long regularFiles(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).count();
    }
  }
}
