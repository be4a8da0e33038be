package org.darkflight.io.kml;

/**
 * What went into a KML document; {@code fragmentPlacemarks} and {@code ellipses} are the
 * {@code kml_summary} of {@code output_manifest.json} (docs/ensemble.md).
 *
 * @param landingPointsTotal   landing points received (all of them are in the GeoJSON)
 * @param fragmentPlacemarks   fragment placemarks in the KML (the representative subset)
 * @param ellipses             ellipse polygons
 * @param trajectories         trajectory line strings (0 when disabled)
 * @param groundOverlays       heatmap ground overlays
 * @param subsetDescription    how the fragment placemarks were chosen (also in the KML)
 */
public record KmlSummary(long landingPointsTotal, int fragmentPlacemarks, int ellipses,
    int trajectories, int groundOverlays, String subsetDescription) {}
