/**
 * The dark-flight physics core: value types (fragments, the luminous-end state, the physics
 * configuration) and the simulator that integrates one fragment from the end of luminous flight
 * to the ground. Pure Java, no Beam and no file I/O; a trajectory is a pure function of its inputs.
 */
package org.darkflight.physics;
