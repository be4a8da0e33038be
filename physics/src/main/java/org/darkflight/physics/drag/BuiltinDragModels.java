package org.darkflight.physics.drag;

import java.util.List;
import org.darkflight.physics.plugin.PluginManifest;

/**
 * The built-in drag models as {@link DragModelProvider}s, so that they are listed with the
 * plugins ({@code darkflight plugins}) and plugin names cannot shadow them.
 */
public final class BuiltinDragModels {

  /** Version of the built-in models' manifests. */
  public static final String VERSION = "1.0";

  private BuiltinDragModels() {}

  private static PluginManifest manifest(String name) {
    return new PluginManifest(name, VERSION, List.of("DragModel"), null);
  }

  /** {@code simple_constant}: {@link ConstantDrag}. */
  public static final class SimpleConstant implements DragModelProvider {
    @Override
    public PluginManifest manifest() {
      return BuiltinDragModels.manifest("simple_constant");
    }

    @Override
    public DragModel create(String configJson) {
      return ConstantDrag.INSTANCE;
    }
  }

  /** {@code mach_regime}: {@link MachRegimeDrag}. */
  public static final class MachRegime implements DragModelProvider {
    @Override
    public PluginManifest manifest() {
      return BuiltinDragModels.manifest("mach_regime");
    }

    @Override
    public DragModel create(String configJson) {
      return MachRegimeDrag.INSTANCE;
    }
  }

  /** {@code reynolds_curve}: {@link ReynoldsCurveDrag}. */
  public static final class ReynoldsCurve implements DragModelProvider {
    @Override
    public PluginManifest manifest() {
      return BuiltinDragModels.manifest("reynolds_curve");
    }

    @Override
    public DragModel create(String configJson) {
      return ReynoldsCurveDrag.INSTANCE;
    }
  }

  /** {@code henderson}: {@link HendersonDrag}. */
  public static final class Henderson implements DragModelProvider {
    @Override
    public PluginManifest manifest() {
      return BuiltinDragModels.manifest("henderson");
    }

    @Override
    public DragModel create(String configJson) {
      return HendersonDrag.INSTANCE;
    }
  }
}
