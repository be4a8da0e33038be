package org.darkflight.pipeline.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.darkflight.io.plugins.PluginEntry;
import org.darkflight.analysis.plugins.PluginInfo;
import org.darkflight.analysis.plugins.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code darkflight plugins}: lists every installed plugin of the six kinds (spec §11), built-ins
 * included: kind, name, version, provides, whether a failure is critical, and the jar it came
 * from. Exits 1 when the installation is inconsistent (two plugins of one kind with one name, a
 * manifest that does not provide its kind, an unreadable config_schema). See docs/plugins.md.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
    description = "List the installed plugins (atmospheric sources, fusion strategies, drag and "
        + "ablation models, integrators, sampling strategies). Plugin jars are found on the class "
        + "path and in DARKFLIGHT_PLUGIN_PATH.")
public final class PluginsCommand implements DarkflightCommand {

  @Option(names = "--json", description = "print a JSON array instead of a table")
  boolean json;

  @Spec
  CommandSpec spec;

  public PluginsCommand() {
    // picocli fills the fields
  }

  @Override
  public Integer call() throws Exception {
    PluginRegistry registry = PluginRegistry.discover();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(PluginEntry.toJson(entries(registry.all())));
    } else {
      out.print(table(registry.all()));
    }
    out.flush();
    return 0;
  }

  /** The JSON array's entries: one per plugin. */
  static List<PluginEntry> entries(List<PluginInfo> plugins) {
    List<PluginEntry> out = new ArrayList<>();
    for (PluginInfo p : plugins) {
      out.add(new PluginEntry(p.kind().interfaceName(), p.manifest().name(),
          p.manifest().version(), p.manifest().provides(), p.manifest().configSchema(),
          p.critical(), p.source(), p.className()));
    }
    return out;
  }

  /** A fixed-width table with a header line. */
  static String table(List<PluginInfo> plugins) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"KIND", "NAME", "VERSION", "PROVIDES", "CRITICAL", "SOURCE"});
    for (PluginInfo p : plugins) {
      rows.add(new String[] {p.kind().interfaceName(), p.manifest().name(),
          p.manifest().version(), String.join(",", p.manifest().provides()),
          p.critical() ? "yes" : "no", p.source()});
    }
    int[] width = new int[6];
    for (String[] r : rows) {
      for (int c = 0; c < 6; c++) {
        width[c] = Math.max(width[c], r[c].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < 6; c++) {
        line.append(c < 5 ? String.format(Locale.ROOT, "%-" + (width[c] + 2) + "s", r[c]) : r[c]);
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    return sb.toString();
  }
}
