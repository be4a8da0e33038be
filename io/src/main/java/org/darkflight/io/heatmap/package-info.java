/**
 * Ground-probability heatmaps (docs/outputs.md "Heatmap" folder, §17 probability raster): per mass
 * class, the probability that a landing falls in each ground cell, as a grid in the event's local
 * tangent plane, written as a GeoTIFF (EPSG:4326) and as PNG ground overlays with a colour legend
 * for the KML/KMZ.
 */
package org.darkflight.io.heatmap;
