package org.darkflight.io.fragments;

import java.util.List;
import org.darkflight.io.meta.Meta;
import org.darkflight.physics.Fragment;

/**
 * A validated {@code fragments.json}: at least one fragment, ids unique (also ignoring case, as
 * they name output files).
 *
 * @param fragments the fragments in file order
 * @param meta      units and provenance
 */
public record FragmentsFile(List<Fragment> fragments, Meta meta) {
  public FragmentsFile {
    fragments = List.copyOf(fragments);
    if (fragments.isEmpty()) {
      throw new IllegalArgumentException("at least one fragment is required");
    }
  }
}
