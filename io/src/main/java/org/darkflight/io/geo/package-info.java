/**
 * The finished geospatial products handed to the writers of {@code org.darkflight.io.geojson}
 * and {@code org.darkflight.io.kml}: landing points, uncertainty ellipses, representative
 * trajectories, run provenance and output options. Plain immutable records, validated in their
 * compact constructors, units in their names; WGS84 (EPSG:4326) geodetic coordinates in degrees,
 * longitudes normalised to (-180, 180].
 */
package org.darkflight.io.geo;
