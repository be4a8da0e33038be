/** Trajectory results and the simulator that produces them from the physics models. */
package org.darkflight.physics.trajectory;
