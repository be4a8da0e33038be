/**
 * The offline HTML report of a run ({@code report.html}): one self-contained page with an
 * inlined Leaflet map (landing points by mass class, confidence ellipses, heatmap overlays,
 * trajectories), the run summary, validation status, provenance and sensitivity tables. Nothing is
 * fetched at view time; see {@code docs/report.md}.
 */
package org.darkflight.io.report;
