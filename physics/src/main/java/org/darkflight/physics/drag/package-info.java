/**
 * Drag-coefficient models: a constant, Mach-number curves for meteorite shapes (Carter, Jandir &amp;
 * Kress 2009) and a Reynolds-number curve for spheres (Morrison 2013).
 */
package org.darkflight.physics.drag;
