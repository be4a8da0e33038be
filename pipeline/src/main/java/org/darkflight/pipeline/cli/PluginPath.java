package org.darkflight.pipeline.cli;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the CLI finds plugin jars besides its own class path: every jar named in (or inside a
 * directory named in) the environment variable {@code DARKFLIGHT_PLUGIN_PATH} (entries separated
 * by the platform's path separator, {@code :} on Unix), and every jar in a {@code plugins/}
 * directory next to the CLI jar. They are put in a class loader that becomes the main thread's
 * context class loader, where every plugin look-up searches (docs/plugins.md).
 */
final class PluginPath {

  /** The environment variable listing plugin jars and directories. */
  static final String ENV = "DARKFLIGHT_PLUGIN_PATH";

  private PluginPath() {}

  /** The plugin jars: those of {@code pathList} and of {@code plugins/} beside the CLI jar. */
  static List<Path> jars(String pathList) throws IOException {
    List<Path> out = new ArrayList<>();
    if (pathList != null && !pathList.isBlank()) {
      for (String entry : pathList.split(java.io.File.pathSeparator)) {
        if (!entry.isBlank()) {
          addJars(Path.of(entry.strip()), out, true);
        }
      }
    }
    Path besideCli = cliJarDirectory();
    if (besideCli != null) {
      addJars(besideCli.resolve("plugins"), out, false);
    }
    return out;
  }

  private static void addJars(Path p, List<Path> out, boolean mustExist) throws IOException {
    if (Files.isDirectory(p)) {
      try (Stream<Path> s = Files.list(p)) {
        s.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().forEach(out::add);
      }
    } else if (Files.isRegularFile(p)) {
      out.add(p);
    } else if (mustExist) {
      throw new IOException(ENV + " names " + p + ", which is neither a jar nor a directory");
    }
  }

  private static Path cliJarDirectory() {
    CodeSource cs = PluginPath.class.getProtectionDomain().getCodeSource();
    if (cs == null || cs.getLocation() == null) {
      return null;
    }
    try {
      Path p = Path.of(cs.getLocation().toURI());
      return Files.isRegularFile(p) ? p.getParent() : null;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Puts the plugin jars in a class loader and makes it the current thread's context class
   * loader (threads started later inherit it). Does nothing when there are none.
   */
  static void install() throws IOException {
    org.darkflight.physics.models.ServiceProviders.warnTo(
        org.darkflight.io.PluginWarnings::warn);
    List<Path> jars = jars(System.getenv(ENV));
    if (jars.isEmpty()) {
      return;
    }
    List<URL> urls = new ArrayList<>();
    for (Path j : jars) {
      try {
        urls.add(j.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IOException("bad plugin jar path " + j, e);
      }
    }
    ClassLoader parent = DarkflightCli.class.getClassLoader();
    // Lives as long as the JVM: plugins are used until the command ends.
    @SuppressWarnings("resource")
    URLClassLoader loader = new URLClassLoader("darkflight-plugins", urls.toArray(new URL[0]),
        parent);
    Thread.currentThread().setContextClassLoader(loader);
  }
}
