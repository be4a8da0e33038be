/**
 * RFC 7946 GeoJSON writers of the strewn field: {@code strewn_field_points.geojson} (every landing
 * point, streamed) and {@code uncertainty_ellipses.geojson} (confidence ellipse polygons), each
 * with the provenance {@code meta} member of docs/outputs.md. Byte-deterministic output, written
 * atomically.
 */
package org.darkflight.io.geojson;
