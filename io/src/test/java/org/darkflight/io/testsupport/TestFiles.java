package org.darkflight.io.testsupport;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.darkflight.io.InputException;
import org.darkflight.io.json.Json;

/** Finds the repository's {@code testdata/} and builds mutated copies of its files. */
public final class TestFiles {

  private TestFiles() {}

  /** A reader under test. */
  @FunctionalInterface
  public interface Reader {
    Object read(Path file) throws InputException;
  }

  /** {@code testdata/<relative>} of the repository, found from the working directory upwards. */
  public static Path testdata(String relative) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("testdata").resolve(relative);
      if (Files.exists(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("testdata/" + relative + " not found above the working dir");
  }

  /** The tree of a test data file. */
  public static ObjectNode tree(String relative) {
    try {
      return (ObjectNode) Json.mapper().readTree(testdata(relative).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a mutated copy of a test data file into {@code dir} under the original's name. */
  public static Path mutated(Path dir, String relative, Consumer<ObjectNode> mutation) {
    ObjectNode node = tree(relative);
    mutation.accept(node);
    return write(dir, Path.of(relative).getFileName().toString(), node);
  }

  /** Writes a tree as JSON. */
  public static Path write(Path dir, String name, JsonNode node) {
    try {
      Path f = dir.resolve(name);
      Files.writeString(f, Json.mapper().writeValueAsString(node));
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes text. */
  public static Path writeText(Path dir, String name, String text) {
    try {
      Path f = dir.resolve(name);
      Files.writeString(f, text);
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts that reading fails with an {@link InputException} and returns it. */
  public static InputException rejects(Reader reader, Path file) {
    return assertThrows(InputException.class, () -> reader.read(file));
  }
}
