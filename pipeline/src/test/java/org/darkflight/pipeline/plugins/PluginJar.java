package org.darkflight.pipeline.plugins;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a third-party plugin jar during a test: compiles Java sources given as strings with the
 * system compiler against Darkflight's own classes, adds resources (service files, schemas) and
 * writes a jar with {@link JarOutputStream}.
 */
final class PluginJar {

  private final Map<String, String> sources = new LinkedHashMap<>();
  private final Map<String, String> resources = new LinkedHashMap<>();
  private final List<Class<?>> classPathOf = new ArrayList<>();

  /** A Java source file, by fully qualified class name. */
  PluginJar source(String className, String code) {
    sources.put(className, code);
    return this;
  }

  /** A resource, by path inside the jar. */
  PluginJar resource(String path, String text) {
    resources.put(path, text);
    return this;
  }

  /** Compile against the jar or directory that {@code type} was loaded from. */
  PluginJar against(Class<?>... types) {
    classPathOf.addAll(List.of(types));
    return this;
  }

  /** Compiles and writes the jar into {@code dir}; returns its path. */
  Path build(Path dir, String jarName) throws IOException {
    Path src = Files.createDirectories(dir.resolve("src-" + jarName));
    Path classes = Files.createDirectories(dir.resolve("classes-" + jarName));
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17",
        "-proc:none", "-classpath", classPath()));
    for (Map.Entry<String, String> e : sources.entrySet()) {
      Path f = src.resolve(e.getKey().replace('.', '/') + ".java");
      Files.createDirectories(f.getParent());
      Files.writeString(f, e.getValue());
      args.add(f.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no system Java compiler (a JDK is needed)");
    }
    StringWriter diag = new StringWriter();
    java.io.ByteArrayOutputStream errBytes = new java.io.ByteArrayOutputStream();
    int rc = javac.run(null, null, errBytes, args.toArray(String[]::new));
    diag.write(errBytes.toString(StandardCharsets.UTF_8));
    if (rc != 0) {
      throw new IllegalStateException("plugin sources do not compile:\n" + diag);
    }
    Path jar = dir.resolve(jarName);
    try (OutputStream os = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(os);
        Stream<Path> walk = Files.walk(classes)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace(File.separatorChar,
            '/')));
        out.write(Files.readAllBytes(p));
        out.closeEntry();
      }
      for (Map.Entry<String, String> e : resources.entrySet()) {
        out.putNextEntry(new JarEntry(e.getKey()));
        out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }

  private String classPath() {
    List<String> parts = new ArrayList<>();
    for (Class<?> c : classPathOf) {
      try {
        parts.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString());
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return String.join(File.pathSeparator, parts);
  }
}
