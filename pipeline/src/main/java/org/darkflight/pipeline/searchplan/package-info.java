/**
 * The search plan of a run directory ({@code search_areas.geojson}, {@code search_plan.gpx}, the
 * KML "Search Areas" folder): the step shared by {@code darkflight run} and
 * {@code darkflight search-plan}, around {@link org.darkflight.analysis.searchplan.SearchPlanner}.
 */
package org.darkflight.pipeline.searchplan;
