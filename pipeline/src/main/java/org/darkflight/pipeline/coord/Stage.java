package org.darkflight.pipeline.coord;

import java.util.List;

/**
 * A stage descriptor (spec §5): what it reads, what it writes, the config sections it depends
 * on and its {@code stage_version}, bumped whenever its logic changes so stale cache entries
 * are no longer hit.
 *
 * @param id             spec id, e.g. {@code S1}
 * @param name           short name; also the cache directory {@code cache/<name>/}
 * @param version        the stage_version
 * @param inputs         logical artifacts read ({@code raw.*} are user inputs); an optional
 *                       input ends in {@code ?}
 * @param outputs        logical artifacts written
 * @param configSections config sections whose values are part of the cache key
 */
public record Stage(String id, String name, String version, List<String> inputs,
    List<String> outputs, List<String> configSections) {

  /** Copies the lists. */
  public Stage {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    configSections = List.copyOf(configSections);
  }

  /** An input name without its optional marker. */
  public static String bare(String input) {
    return input.endsWith("?") ? input.substring(0, input.length() - 1) : input;
  }

  /** Whether an input may be absent. */
  public static boolean optional(String input) {
    return input.endsWith("?");
  }
}
