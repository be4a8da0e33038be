package org.darkflight.io.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.darkflight.io.json.Json;
import org.darkflight.io.meta.Meta;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.PhysicsConfig.Ablation;
import org.darkflight.physics.PhysicsConfig.Integration;

/**
 * The JSON shape of {@code physics_config.json} (schema {@code schemas/physics_config.schema.json},
 * docs/inputs.md). Optional fields are null when absent and take the values of
 * {@link PhysicsConfig#defaults()}. {@code drag_model}, {@code ablation.method} and
 * {@code integration.method} name a built-in model or an installed plugin; {@code plugins} holds
 * each plugin's configuration block by plugin name (docs/plugins.md).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PhysicsConfigDocument(
    @JsonProperty("$schema") String schema,
    @JsonProperty("drag_model") String dragModel,
    @JsonProperty("cd_scale") Double cdScale,
    @JsonProperty("ablation") AblationJson ablation,
    @JsonProperty("gravity_model") String gravityModel,
    @JsonProperty("earth_rotation") Boolean earthRotation,
    @JsonProperty("ground_altitude_m") Double groundAltitudeM,
    @JsonProperty("legacy") String legacy,
    @JsonProperty("integration") IntegrationJson integration,
    @JsonProperty("output_interval_s") Double outputIntervalS,
    @JsonProperty("plugins") Map<String, JsonNode> plugins,
    @JsonProperty("meta") Meta meta,
    @JsonProperty("height_reference") String heightReference) {

  /** {@code $id} of the physics configuration schema. */
  public static final String SCHEMA_ID =
      "https://darkflight.org/schemas/physics_config.schema.json";

  /** The {@code ablation} object. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AblationJson(
      @JsonProperty("enabled") boolean enabled,
      @JsonProperty("method") String method,
      @JsonProperty("params") AblationParams params) {}

  /** The {@code ablation.params} object; null = the method's default. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AblationParams(
      @JsonProperty("k_ab") Double kAb,
      @JsonProperty("sigma") Double sigma,
      @JsonProperty("Q_star") Double qStar) {}

  /** The {@code integration} object. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record IntegrationJson(
      @JsonProperty("method") String method,
      @JsonProperty("dt_initial_s") double dtInitialS,
      @JsonProperty("dt_min_s") double dtMinS,
      @JsonProperty("dt_max_s") double dtMaxS,
      @JsonProperty("rel_tolerance") Double relTolerance,
      @JsonProperty("abs_tolerance_m") Double absToleranceM,
      @JsonProperty("max_steps") Long maxSteps,
      @JsonProperty("max_recorded_points") Long maxRecordedPoints) {

    /** The object without budgets (the defaults apply). */
    public IntegrationJson(String method, double dtInitialS, double dtMinS, double dtMaxS,
        Double relTolerance, Double absToleranceM) {
      this(method, dtInitialS, dtMinS, dtMaxS, relTolerance, absToleranceM, null, null);
    }
  }

  /**
   * The physics value; absent optionals from {@link PhysicsConfig#defaults()}.
   *
   * @throws IllegalArgumentException when the record's checks fail
   */
  public PhysicsConfig toPhysicsConfig() {
    PhysicsConfig d = PhysicsConfig.defaults();
    Ablation abl;
    if (ablation == null) {
      abl = d.ablation();
    } else {
      AblationParams p = ablation.params();
      abl = new Ablation(ablation.enabled(),
          ablation.method() == null || !isBuiltin(PhysicsConfig.AblationMethod.class,
              ablation.method()) ? d.ablation().method()
              : enumOf(PhysicsConfig.AblationMethod.class, ablation.method()),
          p == null || p.kAb() == null ? Double.NaN : p.kAb(),
          p == null || p.sigma() == null ? Double.NaN : p.sigma(),
          p == null || p.qStar() == null ? Double.NaN : p.qStar());
    }
    Integration di = d.integration();
    Integration integ = new Integration(
        isBuiltin(PhysicsConfig.IntegratorKind.class, integration.method())
            ? enumOf(PhysicsConfig.IntegratorKind.class, integration.method())
            : di.method(),
        integration.dtInitialS(), integration.dtMinS(), integration.dtMaxS(),
        integration.relTolerance() == null ? di.relativeTolerance() : integration.relTolerance(),
        integration.absToleranceM() == null ? di.absoluteToleranceM()
            : integration.absToleranceM(),
        integration.maxSteps() == null ? Integration.DEFAULT_MAX_STEPS : integration.maxSteps(),
        integration.maxRecordedPoints() == null ? Integration.DEFAULT_MAX_RECORDED_POINTS
            : integration.maxRecordedPoints());
    return new PhysicsConfig(
        isBuiltin(PhysicsConfig.DragModelKind.class, dragModel)
            ? enumOf(PhysicsConfig.DragModelKind.class, dragModel) : d.dragModel(),
        cdScale == null ? d.cdScale() : cdScale,
        abl,
        enumOf(PhysicsConfig.GravityModelKind.class, gravityModel),
        earthRotation == null ? d.earthRotation() : earthRotation,
        groundAltitudeM == null ? d.groundAltitudeM() : groundAltitudeM,
        integ,
        outputIntervalS == null ? d.outputIntervalS() : outputIntervalS,
        legacy == null ? d.legacy() : enumOf(PhysicsConfig.LegacyMode.class, legacy),
        pluginSelection());
  }

  /** The plugins the names select (names that are not built-in kinds), with their configs. */
  private PhysicsConfig.Plugins pluginSelection() {
    String drag = isBuiltin(PhysicsConfig.DragModelKind.class, dragModel) ? null : dragModel;
    String abl = ablation == null || ablation.method() == null
        || isBuiltin(PhysicsConfig.AblationMethod.class, ablation.method()) ? null
        : ablation.method();
    String integ = isBuiltin(PhysicsConfig.IntegratorKind.class, integration.method()) ? null
        : integration.method();
    return new PhysicsConfig.Plugins(drag, configJson(drag), abl, configJson(abl), integ,
        configJson(integ));
  }

  /** The canonical JSON text of plugin {@code name}'s block, <code>{}</code> when absent. */
  private String configJson(String name) {
    if (name == null || plugins == null || plugins.get(name) == null) {
      return name == null ? null : "{}";
    }
    try {
      return new String(Json.toCanonicalBytes(plugins.get(name)),
          java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("plugins." + name + ": " + e.getMessage(), e);
    }
  }

  /** Whether {@code json} spells a constant of {@code type} (else it names a plugin). */
  public static <E extends Enum<E>> boolean isBuiltin(Class<E> type, String json) {
    for (E e : type.getEnumConstants()) {
      if (name(e).equals(json)) {
        return true;
      }
    }
    return false;
  }

  /** The full document of a physics value (every optional written). */
  public static PhysicsConfigDocument of(PhysicsConfig c, Meta meta) {
    Ablation a = c.ablation();
    AblationParams params = new AblationParams(finiteOrNull(a.kAb()), finiteOrNull(a.sigma()),
        finiteOrNull(a.qStarJPerKg()));
    boolean noParams = params.kAb() == null && params.sigma() == null && params.qStar() == null;
    Integration i = c.integration();
    PhysicsConfig.Plugins pl = c.plugins();
    Map<String, JsonNode> blocks = new TreeMap<>();
    putBlock(blocks, pl.dragModel(), pl.dragConfigJson());
    putBlock(blocks, pl.ablationModel(), pl.ablationConfigJson());
    putBlock(blocks, pl.integrator(), pl.integratorConfigJson());
    return new PhysicsConfigDocument(SCHEMA_ID,
        pl.dragModel() != null ? pl.dragModel() : name(c.dragModel()), c.cdScale(),
        new AblationJson(a.enabled(),
            pl.ablationModel() != null ? pl.ablationModel() : name(a.method()),
            noParams ? null : params),
        name(c.gravityModel()), c.earthRotation(), c.groundAltitudeM(), name(c.legacy()),
        new IntegrationJson(pl.integrator() != null ? pl.integrator() : name(i.method()),
            i.dtInitialS(), i.dtMinS(), i.dtMaxS(),
            i.relativeTolerance(), i.absoluteToleranceM(),
            i.maxSteps() == Integration.DEFAULT_MAX_STEPS ? null : i.maxSteps(),
            i.maxRecordedPoints() == Integration.DEFAULT_MAX_RECORDED_POINTS ? null
                : i.maxRecordedPoints()),
        c.outputIntervalS(), blocks.isEmpty() ? null : new LinkedHashMap<>(blocks), meta, null);
  }

  /** The JSON spelling of an enum constant: lower case ({@code MACH_REGIME} → mach_regime). */
  public static String name(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String json) {
    try {
      return Enum.valueOf(type, json.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown value '" + json + "'", e);
    }
  }

  private static void putBlock(Map<String, JsonNode> blocks, String name, String json) {
    if (name == null || json == null || json.strip().equals("{}")) {
      return;
    }
    try {
      blocks.put(name, Json.mapper().readTree(json));
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("plugin " + name + " config is not JSON: " + json, e);
    }
  }

  private static Double finiteOrNull(double d) {
    return Double.isFinite(d) ? d : null;
  }
}
