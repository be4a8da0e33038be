package org.darkflight.io.geo;

import java.util.List;

/**
 * The mass classes of a run, index 0 = smallest masses; fixes the colour ramp (yellow for the
 * smallest class, red for the largest) and the legend, independent of which classes actually
 * received landings.
 *
 * @param labels  label of each class, by index, e.g. {@code ["<1 g", "1 g–10 g", "10–100 g"]};
 *                non-empty, no blank or duplicate labels
 */
public record MassClasses(List<String> labels) {

  public MassClasses {
    labels = List.copyOf(Checks.present("mass_classes", labels));
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("mass_classes must not be empty");
    }
    for (int i = 0; i < labels.size(); i++) {
      Checks.text("mass_classes[" + i + "]", labels.get(i));
      if (labels.indexOf(labels.get(i)) != i) {
        throw new IllegalArgumentException("mass_classes has a duplicate label: " + labels.get(i));
      }
    }
  }

  public int size() {
    return labels.size();
  }

  public String label(int index) {
    return labels.get(index);
  }

  /**
   * Checks that {@code (index, label)} names one of these classes.
   *
   * @throws IllegalArgumentException naming the mismatch
   */
  public void check(int index, String label) {
    if (index < 0 || index >= labels.size()) {
      throw new IllegalArgumentException("mass_class_index " + index + " is outside the "
          + labels.size() + " mass classes");
    }
    if (!labels.get(index).equals(label)) {
      throw new IllegalArgumentException("mass_class '" + label + "' does not match class "
          + index + " ('" + labels.get(index) + "')");
    }
  }
}
