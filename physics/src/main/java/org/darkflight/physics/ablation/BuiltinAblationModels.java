package org.darkflight.physics.ablation;

import java.util.List;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.plugin.PluginManifest;

/** The built-in ablation laws as {@link AblationModelProvider}s (listed with the plugins). */
public final class BuiltinAblationModels {

  /** Version of the built-in models' manifests. */
  public static final String VERSION = "1.0";

  private BuiltinAblationModels() {}

  private static PluginManifest manifest(String name) {
    return new PluginManifest(name, VERSION, List.of("AblationModel"), null);
  }

  /** {@code simple}: {@link SimpleAblation}. */
  public static final class Simple implements AblationModelProvider {
    @Override
    public PluginManifest manifest() {
      return BuiltinAblationModels.manifest("simple");
    }

    @Override
    public AblationModel create(PhysicsConfig.Ablation a, String configJson) {
      return new SimpleAblation(a.kAb(), a.qStarJPerKg());
    }
  }

  /** {@code classical}: {@link ClassicalAblation}. */
  public static final class Classical implements AblationModelProvider {
    @Override
    public PluginManifest manifest() {
      return BuiltinAblationModels.manifest("classical");
    }

    @Override
    public AblationModel create(PhysicsConfig.Ablation a, String configJson) {
      return new ClassicalAblation(a.sigma(), a.qStarJPerKg());
    }
  }
}
