/**
 * Weather-radar beam geometry: where a radar return (site, elevation, azimuth, slant range) lies
 * on the WGS84 ellipsoid under the standard 4/3-effective-Earth-radius refraction model of
 * Doviak &amp; Zrnić, and how uncertain that position is from the beam width and range gate.
 * Pure functions and validated records; no file I/O.
 */
package org.darkflight.physics.radar;
