/**
 * The radar-centric strewn-field workflow ({@code darkflight radar}): for each weather-radar
 * return of falling meteorites, find the fragment mass whose fall from the luminous end reaches
 * the return's height at the return's time, fly it forward to the ground from the radar position
 * and backward to the terminus altitude, combine the calculated termini into a refined terminus
 * with uncertainty, and compute the strewn field from it. Uses the simulator's propagation API
 * ({@link org.darkflight.physics.trajectory.DarkflightSimulator}); integrates nothing itself.
 */
package org.darkflight.analysis.radar;
