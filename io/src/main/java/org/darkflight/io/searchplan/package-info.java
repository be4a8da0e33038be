/**
 * Search plans for field teams (docs/outputs.md, "search_areas.geojson" and "search_plan.gpx"):
 * the typed document {@link org.darkflight.io.searchplan.SearchPlan} (highest-density search
 * areas per mass class, walking transects, waypoints), its file names, and the reader of a run
 * directory's landings it is computed from. The computation lives in
 * {@code org.darkflight.analysis.searchplan}; the writers in {@code org.darkflight.io.geojson}
 * ({@code SearchAreasWriter}), {@code org.darkflight.io.gpx} and {@code org.darkflight.io.kml}
 * ({@code SearchAreasKml}).
 */
package org.darkflight.io.searchplan;
