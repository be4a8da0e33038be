/**
 * Uncertainty ellipses (spec S7, §7.3): landings grouped by class of final mass, exact
 * order-independent moments in the event's east/north plane, and confidence ellipses
 * (χ², 2 degrees of freedom) turned back into WGS84 polygons.
 */
package org.darkflight.transforms.fit;
