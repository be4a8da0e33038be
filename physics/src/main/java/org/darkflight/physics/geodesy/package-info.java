/**
 * WGS84 geodesy: the ellipsoid, geodetic ⇄ Earth-centred Earth-fixed (ECEF) coordinates, local
 * east-north-up frames, and geodesic distances and bearings on the ellipsoid (GeographicLib).
 */
package org.darkflight.physics.geodesy;
