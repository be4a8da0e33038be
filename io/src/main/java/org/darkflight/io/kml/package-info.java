/**
 * Google Earth outputs of the strewn field (docs/outputs.md): {@code strewn_field.kml} (OGC KML 2.2,
 * written with StAX) and {@code strewn_field.kmz} (zip of {@code doc.kml}, a generated
 * {@code media/legend.png} and {@code README.txt}). Large ensembles are reduced to a documented,
 * deterministic representative subset of placemarks; byte-identical output for identical input.
 */
package org.darkflight.io.kml;
