/**
 * Search plans (docs/outputs.md, "search_areas.geojson", "search_plan.gpx"): from a run's
 * landings, per mass class a kernel density on the event's local east/north grid
 * ({@link org.darkflight.analysis.searchplan.LandingDensity}), its highest-density regions as
 * polygons ({@link org.darkflight.analysis.searchplan.SuperlevelSet}, marching squares and JTS
 * unions), walking transects across them
 * ({@link org.darkflight.analysis.searchplan.Transects}) and the nominal landings as waypoints
 * ({@link org.darkflight.analysis.searchplan.NominalLandings}); assembled by
 * {@link org.darkflight.analysis.searchplan.SearchPlanner} into an
 * {@link org.darkflight.io.searchplan.SearchPlan}. Plain Java, no Beam.
 */
package org.darkflight.analysis.searchplan;
