/**
 * GPX 1.1 (TopoGrafix, http://www.topografix.com/GPX/1/1/) output for handheld GPS receivers:
 * the waypoints and search transects of a {@link org.darkflight.io.searchplan.SearchPlan}.
 */
package org.darkflight.io.gpx;
