package org.darkflight.analysis.ensemble;

import java.io.Serializable;
import java.util.List;
import org.darkflight.physics.atmosphere.AtmosLevel;
import org.darkflight.physics.atmosphere.AtmosphereModel;

/** Builds the atmosphere model of a profile once per worker (serializable, so a DoFn can hold it). */
@FunctionalInterface
public interface AtmosphereFactory extends Serializable {

  /** The model of the levels, sorted by altitude as given. */
  AtmosphereModel build(List<AtmosLevel> levels);
}
