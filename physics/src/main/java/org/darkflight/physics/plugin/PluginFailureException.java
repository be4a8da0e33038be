package org.darkflight.physics.plugin;

/**
 * A plugin threw (or returned an impossible value). For a {@link PluginKind#critical() critical}
 * kind this stops the run; its message is one line naming the plugin, its kind and the cause.
 */
public final class PluginFailureException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String pluginName;
  private final PluginKind kind;

  /**
   * @param pluginName the failing plugin's name
   * @param kind       its kind
   * @param what       what went wrong, e.g. the exception's class and message
   * @param cause      the exception thrown by the plugin, or null
   */
  public PluginFailureException(String pluginName, PluginKind kind, String what,
      Throwable cause) {
    super(kind.interfaceName() + " plugin '" + pluginName + "' failed: " + what
        + (kind.critical() ? "; " + kind.interfaceName()
            + " plugins are critical, so the run stops" : ""), cause);
    this.pluginName = pluginName;
    this.kind = kind;
  }

  /** Describes an exception on one line: its class and message. */
  public static String describe(Throwable t) {
    String m = t.getMessage();
    return t.getClass().getName() + (m == null ? "" : ": " + m.replace('\n', ' '));
  }

  /** The failing plugin's name. */
  public String pluginName() {
    return pluginName;
  }

  /** The failing plugin's kind. */
  public PluginKind kind() {
    return kind;
  }
}
