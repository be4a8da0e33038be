package org.darkflight.transforms.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds {@link SamplingStrategy} implementations with {@link ServiceLoader}. */
public final class SamplingStrategies {

  private SamplingStrategies() {}

  /** Every strategy on the class path, sorted by name. */
  public static List<SamplingStrategy> all() {
    List<SamplingStrategy> list = new ArrayList<>();
    for (SamplingStrategy s : ServiceLoader.load(SamplingStrategy.class,
        SamplingStrategies.class.getClassLoader())) {
      list.add(s);
    }
    list.sort((a, b) -> a.name().compareTo(b.name()));
    return list;
  }

  /** The names of every strategy, sorted. */
  public static List<String> names() {
    return all().stream().map(SamplingStrategy::name).toList();
  }

  /**
   * The strategy called {@code name}.
   *
   * @throws IllegalArgumentException when none has that name
   */
  public static SamplingStrategy byName(String name) {
    for (SamplingStrategy s : all()) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown sampling strategy '" + name + "' (available: " + names() + ")");
  }
}
