package org.darkflight.physics.models;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.darkflight.physics.drag.DragModelProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin jar whose service file names a missing class is skipped with one warning naming the
 * jar and the class (issue 19 §7); before, every command died of a ServiceConfigurationError.
 */
class ServiceProvidersTest {

  @TempDir Path tmp;
  private final List<String> warnings = new ArrayList<>();

  @AfterEach
  void resetSink() {
    ServiceProviders.warnTo(null);
  }

  private Path brokenJar(String missingClass) throws Exception {
    Path jar = tmp.resolve("broken-plugin.jar");
    try (OutputStream f = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(f)) {
      j.putNextEntry(new JarEntry("META-INF/services/" + DragModelProvider.class.getName()));
      j.write((missingClass + "\n").getBytes(StandardCharsets.UTF_8));
      j.closeEntry();
    }
    return jar;
  }

  @Test
  void aMissingProviderClassIsSkippedWithOneWarningNamingJarAndClass() throws Exception {
    Path jar = brokenJar("com.example.NoSuchDrag");
    ServiceProviders.warnTo(warnings::add);
    try (URLClassLoader l = new URLClassLoader(new URL[] {jar.toUri().toURL()},
        ServiceProvidersTest.class.getClassLoader())) {
      List<DragModelProvider> found = ServiceProviders.load(DragModelProvider.class, l);
      // the built-ins and the test plugins of the parent loader are all still there
      List<String> names = found.stream().map(p -> p.manifest().name()).toList();
      assertThat(names.toString(), names.contains("test-half-cd"), equalTo(true));
      assertThat(names.toString(), names.contains("simple_constant"), equalTo(true));
    }
    assertThat(warnings, hasSize(1));
    String w = warnings.get(0);
    assertThat(w, containsString(jar.toString()));
    assertThat(w, containsString("com.example.NoSuchDrag"));
    assertThat(w.contains("\n"), equalTo(false));
  }

  @Test
  void aCriticalPluginThatWasSkippedStillStopsWithOneLine() throws Exception {
    Path jar = brokenJar("com.example.MissingCritical");
    ServiceProviders.warnTo(warnings::add);
    ClassLoader before = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader l = new URLClassLoader(new URL[] {jar.toUri().toURL()},
        ServiceProvidersTest.class.getClassLoader())) {
      Thread.currentThread().setContextClassLoader(l);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> PhysicsPlugins.dragModelProvider("missing-critical"));
      assertThat(e.getMessage(), containsString("no DragModel plugin named 'missing-critical'"));
      assertThat(e.getMessage().contains("\n"), equalTo(false));
    } finally {
      Thread.currentThread().setContextClassLoader(before);
    }
    assertThat(warnings.toString(), warnings, hasSize(1));
  }
}
