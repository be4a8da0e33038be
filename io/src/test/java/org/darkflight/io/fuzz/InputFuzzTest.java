package org.darkflight.io.fuzz;

import static org.darkflight.io.testsupport.TestFiles.testdata;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.darkflight.io.InputException;
import org.darkflight.io.atmos.AtmosProfiles;
import org.darkflight.io.config.PhysicsConfigFiles;
import org.darkflight.io.event.EventFiles;
import org.darkflight.io.fragments.FragmentsFiles;
import org.darkflight.io.json.Json;
import org.darkflight.io.testsupport.TestFiles;

/**
 * Random truncations, byte edits and tree edits of valid input files must either read or fail
 * with an {@link InputException} naming the file — never with another exception.
 */
class InputFuzzTest {

  /** The four inputs and their readers. */
  enum Kind {
    EVENT("events/park-forest-2003/event.json", EventFiles::read),
    FRAGMENTS("events/park-forest-2003/fragments.json", FragmentsFiles::read),
    ATMOS("events/synthetic-calm/atmos_profile.json", AtmosProfiles::read),
    ATMOS_HPA("events/park-forest-2003/atmos_profile.json", AtmosProfiles::read),
    CONFIG("events/park-forest-2003/physics_config.json", PhysicsConfigFiles::read);

    final String relative;
    final TestFiles.Reader reader;

    Kind(String relative, TestFiles.Reader reader) {
      this.relative = relative;
      this.reader = reader;
    }

    byte[] bytes() {
      try {
        return Files.readAllBytes(testdata(relative));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  private static final String[] INSERTS = {"{", "}", "[", "]", ",", ":", "\"", "-", "0", "9",
      ".", "e", "NaN", "Infinity", "null", "true", " ", "\n", "\\", "\u00e9", "1e400", "-1",
      "\"x\""};

  private static void readsOrInputException(Kind kind, byte[] content) throws IOException {
    Path dir = Files.createTempDirectory("fuzz");
    Path f = dir.resolve(Path.of(kind.relative).getFileName().toString());
    try {
      Files.write(f, content);
      try {
        kind.reader.read(f);
      } catch (InputException e) {
        // Every problem found is listed, each on its own line naming the file.
        for (InputException p : e.problems()) {
          assertThat(p.getMessage(), containsString(f.toString()));
          assertThat(p.getMessage().contains("\n"), equalTo(false));
        }
        assertThat(e.messageLines().size(), equalTo(Math.min(e.problems().size(),
            InputException.MAX_LISTED) + (e.problems().size() > InputException.MAX_LISTED ? 1 : 0)));
      } catch (RuntimeException | Error e) {
        throw new AssertionError(kind + ": " + e + " for content:\n"
            + new String(content, StandardCharsets.UTF_8), e);
      }
    } finally {
      Files.deleteIfExists(f);
      Files.deleteIfExists(dir);
    }
  }

  @Property(tries = 100)
  void truncatedFiles(@ForAll Kind kind, @ForAll @DoubleRange(min = 0, max = 1) double at)
      throws IOException {
    byte[] all = kind.bytes();
    int n = (int) Math.floor(at * (all.length - 1));
    byte[] cut = new byte[n];
    System.arraycopy(all, 0, cut, 0, n);
    readsOrInputException(kind, cut);
  }

  @Property(tries = 150)
  void textEdits(@ForAll Kind kind, @ForAll long seed, @ForAll @IntRange(min = 1, max = 5)
      int edits) throws IOException {
    Random rnd = new Random(seed);
    StringBuilder s = new StringBuilder(new String(kind.bytes(), StandardCharsets.UTF_8));
    for (int i = 0; i < edits; i++) {
      int pos = rnd.nextInt(s.length());
      switch (rnd.nextInt(3)) {
        case 0 -> s.deleteCharAt(pos);
        case 1 -> s.insert(pos, INSERTS[rnd.nextInt(INSERTS.length)]);
        default -> s.setCharAt(pos, INSERTS[rnd.nextInt(INSERTS.length)].charAt(0));
      }
    }
    readsOrInputException(kind, s.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 150)
  void treeEdits(@ForAll Kind kind, @ForAll long seed, @ForAll @IntRange(min = 1, max = 3)
      int edits) throws IOException {
    Random rnd = new Random(seed);
    JsonNode root = Json.mapper().readTree(kind.bytes());
    for (int i = 0; i < edits; i++) {
      editRandomNode(root, rnd);
    }
    readsOrInputException(kind, Json.mapper().writeValueAsBytes(root));
  }

  /** Walks to a random container and removes, replaces or adds one member. */
  private static void editRandomNode(JsonNode root, Random rnd) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    JsonNode c = containers.get(rnd.nextInt(containers.size()));
    JsonNode value = randomValue(rnd);
    if (c instanceof ObjectNode o) {
      List<String> names = new ArrayList<>();
      for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
        names.add(it.next());
      }
      if (names.isEmpty() || rnd.nextInt(4) == 0) {
        o.set("fuzz" + rnd.nextInt(3), value);
      } else {
        String name = names.get(rnd.nextInt(names.size()));
        if (rnd.nextBoolean()) {
          o.remove(name);
        } else {
          o.set(name, value);
        }
      }
    } else if (c instanceof ArrayNode a) {
      if (a.isEmpty() || rnd.nextInt(4) == 0) {
        a.add(value);
      } else {
        int idx = rnd.nextInt(a.size());
        switch (rnd.nextInt(3)) {
          case 0 -> a.remove(idx);
          case 1 -> a.set(idx, value);
          default -> a.insert(idx, a.get(rnd.nextInt(a.size())).deepCopy());
        }
      }
    }
  }

  private static void collect(JsonNode n, List<JsonNode> out) {
    if (n.isContainerNode()) {
      out.add(n);
      n.forEach(child -> collect(child, out));
    }
  }

  private static JsonNode randomValue(Random rnd) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (rnd.nextInt(14)) {
      case 0 -> f.nullNode();
      case 1 -> f.textNode("x");
      case 2 -> f.numberNode(-1);
      case 3 -> f.numberNode(0);
      case 4 -> f.numberNode(1e308);
      case 5 -> f.numberNode(-1e308);
      case 6 -> f.numberNode(new java.math.BigDecimal("1e400"));
      case 7 -> f.booleanNode(true);
      case 8 -> f.arrayNode();
      case 9 -> f.objectNode();
      case 10 -> f.numberNode(rnd.nextGaussian() * 1e4);
      case 11 -> f.textNode("2003-03-27T05:50:15Z");
      case 12 -> f.numberNode(Long.MAX_VALUE);
      default -> f.numberNode(359.9999999999999);
    };
  }
}
