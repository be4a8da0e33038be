/**
 * The documents of {@code darkflight radar} about the solution, as records written through the
 * shared mapper: {@code radar_solution.json} ({@link RadarSolutionDocument}, schema
 * {@code schemas/radar_solution.schema.json}) and the GeoJSON layer
 * {@code radar_layers.geojson} ({@link RadarLayersDocument}, schema
 * {@code schemas/radar_layers.schema.json}). The analysis module maps its solution onto them.
 */
package org.darkflight.io.radar.solution;
