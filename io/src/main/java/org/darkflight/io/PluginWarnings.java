package org.darkflight.io;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a disabled non-critical plugin is reported: a WARN line on the
 * {@code org.darkflight.plugins} logger naming the plugin, its kind, the exception and the
 * baseline that took over. The last messages are also kept (at most 100) so that commands and
 * tests can show or check them. It sits in io, below every non-critical plugin kind
 * ({@code AtmosphericSource} in io, {@code AtmosFusionStrategy} and {@code SamplingStrategy} in
 * analysis), so that each can report without depending on the registry that lists them.
 */
public final class PluginWarnings {

  private static final Logger LOG = LoggerFactory.getLogger("org.darkflight.plugins");
  private static final int KEEP = 100;
  private static final List<String> RECENT = new ArrayList<>();

  private PluginWarnings() {}

  /** Logs and keeps one warning. */
  public static void warn(String message) {
    LOG.warn(message);
    synchronized (RECENT) {
      if (RECENT.size() == KEEP) {
        RECENT.remove(0);
      }
      RECENT.add(message);
    }
  }

  /** The kept warnings, oldest first, and forgets them. */
  public static List<String> drain() {
    synchronized (RECENT) {
      List<String> out = List.copyOf(RECENT);
      RECENT.clear();
      return out;
    }
  }
}
