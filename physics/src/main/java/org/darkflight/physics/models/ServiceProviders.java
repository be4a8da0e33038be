package org.darkflight.physics.models;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@link ServiceLoader} that fails softly: a provider its service file names but that cannot be
 * loaded or instantiated (a missing class, a failing constructor) is skipped with one warning
 * naming the jar and the class, instead of a {@link ServiceConfigurationError} that stops every
 * command. Whether a missing provider then matters is up to the look-up: a configuration that
 * selects a critical plugin which was skipped still stops, with one line, when the name is not
 * found (issue 19 §7).
 *
 * <p>Warnings go to the sink set with {@link #warnTo} (the CLI sets the plugin-warnings log),
 * else to {@link System.Logger} {@code org.darkflight.plugins}; each is given once per JVM.
 */
public final class ServiceProviders {

  /** Most broken entries skipped in one look-up before giving up on the rest. */
  private static final int MAX_ERRORS = 100;
  private static final Set<String> WARNED = new HashSet<>();
  private static volatile Consumer<String> sink;

  private ServiceProviders() {}

  /** Where skipped-provider warnings go from now on. */
  public static void warnTo(Consumer<String> warnings) {
    sink = warnings;
  }

  /** Every loadable provider of {@code type} in {@code loader}, in service-file order. */
  public static <T> List<T> load(Class<T> type, ClassLoader loader) {
    List<T> out = new ArrayList<>();
    Iterator<T> it = ServiceLoader.load(type, loader).iterator();
    int errors = 0;
    while (true) {
      try {
        if (!it.hasNext()) {
          break;
        }
        out.add(it.next());
      } catch (ServiceConfigurationError e) {
        warn(describe(type, loader, e));
        if (++errors >= MAX_ERRORS) {
          break;
        }
      }
    }
    return out;
  }

  private static void warn(String message) {
    synchronized (WARNED) {
      if (!WARNED.add(message)) {
        return;
      }
    }
    Consumer<String> s = sink;
    if (s != null) {
      s.accept(message);
    } else {
      System.getLogger("org.darkflight.plugins").log(System.Logger.Level.WARNING, message);
    }
  }

  /**
   * One line: the jar (the service file that names the class), the class, and why it failed;
   * the class is the first provider name of the type's service files found in the error text.
   */
  static String describe(Class<?> type, ClassLoader loader, ServiceConfigurationError e) {
    String text = e.getMessage() == null ? "" : e.getMessage();
    String service = "META-INF/services/" + type.getName();
    String className = null;
    String jar = null;
    try {
      Enumeration<URL> files = loader.getResources(service);
      while (files.hasMoreElements() && className == null) {
        URL url = files.nextElement();
        for (String name : providerNames(url)) {
          if (text.contains(name)) {
            className = name;
            jar = where(url);
            break;
          }
        }
      }
    } catch (IOException ignored) {
      // the description below still names the type and the reason
    }
    Throwable cause = e.getCause();
    String why = cause == null ? text
        : cause.getClass().getSimpleName() + (cause.getMessage() == null ? ""
            : ": " + cause.getMessage());
    return "plugin " + (jar == null ? "(jar unknown)" : jar) + ": " + service + " names "
        + (className == null ? "a provider" : className) + ", which cannot be loaded ("
        + why.replace('\n', ' ') + "); that " + type.getSimpleName() + " is skipped";
  }

  private static List<String> providerNames(URL url) throws IOException {
    List<String> names = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        int hash = line.indexOf('#');
        String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
        if (!name.isEmpty()) {
          names.add(name);
        }
      }
    }
    return names;
  }

  /** The jar (or directory) of a service file's URL. */
  private static String where(URL url) {
    String s = url.toString();
    int bang = s.indexOf("!/");
    if (s.startsWith("jar:") && bang > 0) {
      s = s.substring(4, bang);
    }
    return s.startsWith("file:") ? s.substring(5) : s;
  }
}
