package org.darkflight.pipeline.coord;

import java.util.List;
import java.util.Objects;

/**
 * A stage descriptor: what it reads, what it writes, the config sections it depends on and its
 * {@code stage_version}, bumped whenever its logic changes so stale cache entries are no longer
 * hit.
 *
 * @param id             stage id, e.g. {@code S1}
 * @param name           short name; also the cache directory {@code cache/<name>/}
 * @param version        the stage_version
 * @param inputs         artifacts read (raw ones are user inputs)
 * @param outputs        artifacts written
 * @param configSections config sections whose values are part of the cache key
 */
public record Stage(String id, String name, String version, List<Port> inputs,
    List<Port> outputs, List<String> configSections) {

  /**
   * An artifact a stage reads or writes.
   *
   * @param id       the artifact
   * @param optional whether it may be absent (an input the event need not have, an output the
   *                 stage need not write)
   */
  public record Port(ArtifactId id, boolean optional) {
    /** Checks the artifact is given. */
    public Port {
      Objects.requireNonNull(id, "id");
    }
  }

  /** Copies the lists. */
  public Stage {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    configSections = List.copyOf(configSections);
  }
}
