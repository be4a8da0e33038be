/**
 * Radar returns of falling meteorites: the {@code radar_returns.json} reader, the radar-site
 * table ({@code radar_sites.json}), and the {@code radar_slices/<id>.json} writer that records
 * each return's geolocated position (docs/architecture.md, Ingestor). Schema-validated; bad input becomes an
 * {@link org.darkflight.io.InputException} naming file, field and reason.
 */
package org.darkflight.io.radar.returns;
